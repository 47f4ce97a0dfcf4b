import type { SecretCipher } from '../../main/settings/secret-cipher';

/** TEST DOUBLE of safeStorage on a machine without a keychain (for example Linux without libsecret). */
export class UnavailableCipherForTests implements SecretCipher {
  isEncryptionAvailable(): boolean {
    return false;
  }
  encryptString(): Buffer {
    throw new Error('encryption is not available');
  }
  decryptString(): string {
    throw new Error('encryption is not available');
  }
}
