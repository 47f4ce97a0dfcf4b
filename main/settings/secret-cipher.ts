/**
 * Encrypts secrets at rest. Exactly the shape of Electron's `safeStorage` (DPAPI, Keychain,
 * libsecret), so the shell passes safeStorage itself; Node tests pass a named test double.
 */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}
