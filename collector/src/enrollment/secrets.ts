/**
 * Enrollment codes and install tokens: random, shown once, stored only as sha256 hashes (both are
 * long random strings, so a fast hash is enough: nothing to brute-force from a leaked hash).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code an agent can type from a sheet of paper. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A 16-character team code in groups of four, e.g. `K7QM-2XHD-9PRT-WC4N` (~79 bits). */
export function newEnrollmentCode(): string {
  const chars = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

/** Case, spaces and dashes do not matter when an agent types the code. */
export function normaliseEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function enrollmentCodeHash(code: string): string {
  return sha256Hex(normaliseEnrollmentCode(code));
}

/** A per-install bearer token: 256 random bits. */
export function newInstallToken(): string {
  return `sli_${randomBytes(32).toString('base64url')}`;
}
