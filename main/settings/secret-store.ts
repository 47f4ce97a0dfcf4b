/**
 * Secrets (the SIP password) in their own file, encrypted with the OS keychain's key, never in the
 * settings file. Without encryption they live in memory only, for this run.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

import type { Logger } from '../logging/logger';

import type { SecretCipher } from './secret-cipher';

export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
  readonly storage: 'encrypted' | 'session-only';
}

export function createSecretStore({
  file,
  cipher,
  logger,
}: {
  file: string;
  cipher: SecretCipher;
  logger: Logger;
}): SecretStore {
  if (!cipher.isEncryptionAvailable()) {
    logger.warn('no OS encryption available: secrets are kept in memory for this run only');
    return createSessionOnlyStore();
  }
  const encrypted = readEncryptedFile(file, logger);
  const persist = () => {
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(encrypted)), { mode: 0o600 });
    renameSync(temporary, file);
  };
  return {
    storage: 'encrypted',
    get(name) {
      const value = encrypted.get(name);
      return value === undefined ? undefined : decrypt(cipher, value, name, logger);
    },
    set(name, value) {
      encrypted.set(name, cipher.encryptString(value).toString('base64'));
      persist();
    },
    delete(name) {
      if (encrypted.delete(name)) persist();
    },
  };
}

function createSessionOnlyStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    storage: 'session-only',
    get: (name) => values.get(name),
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
  };
}

function readEncryptedFile(file: string, logger: Logger): Map<string, string> {
  if (!existsSync(file)) return new Map();
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return new Map(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    logger.warn('the secrets file could not be read; the password must be entered again');
    return new Map();
  }
}

function decrypt(cipher: SecretCipher, value: string, name: string, logger: Logger): string | undefined {
  try {
    return cipher.decryptString(Buffer.from(value, 'base64'));
  } catch {
    // Another OS user or a new keychain: the old ciphertext is useless, ask for the secret again.
    logger.warn({ name }, 'a stored secret could not be decrypted');
    return undefined;
  }
}
