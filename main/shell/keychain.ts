/**
 * The password's cipher from Electron's safeStorage, with one correction: on Linux without a
 * keyring safeStorage silently falls back to `basic_text`, a key hard-coded in Chromium — no
 * protection at all. That counts as "no keychain": the password is then kept in memory for this
 * run only (the agent gets the `password-not-encrypted` notice, IT sees it in the log and diagnostics).
 */
import type { SecretCipher } from '../settings/secret-cipher';

export interface SafeStorageLike extends SecretCipher {
  /** Linux only: which backend Chromium chose (`basic_text`, `gnome_libsecret`, `kwallet5`…). */
  getSelectedStorageBackend?(): string;
}

/** Backends that are no protection. */
const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown']);

export function keychainBackend(storage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform !== 'linux')
    return platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : 'unknown';
  return storage.getSelectedStorageBackend?.() ?? 'unknown';
}

export function keychainCipher(storage: SafeStorageLike, platform: NodeJS.Platform): SecretCipher {
  const plainText = platform === 'linux' && NOT_A_KEYCHAIN.has(keychainBackend(storage, platform));
  return {
    isEncryptionAvailable: () => !plainText && storage.isEncryptionAvailable(),
    encryptString: (text) => storage.encryptString(text),
    decryptString: (data) => storage.decryptString(data),
  };
}
