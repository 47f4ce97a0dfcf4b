/**
 * TEST DOUBLE standing in for Electron's safeStorage, which exists only inside Electron.
 * AES-256-GCM with a fixed, public key: it proves that secrets are stored encrypted and never as
 * plain text, but protects nothing. Used by the browser preview (test data only) and by the Node
 * tests, which import it from here: it lives in devtools/ because app code never imports tests/.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { SecretCipher } from '../settings/secret-cipher';

const TEST_KEY = Buffer.from('steadyline-test-only-key-32bytes');

export class TestOnlyCipher implements SecretCipher {
  isEncryptionAvailable(): boolean {
    return true;
  }

  encryptString(plainText: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', TEST_KEY, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decryptString(encrypted: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', TEST_KEY, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
  }
}
