/**
 * Lead passwords: argon2id with OWASP's Password Storage Cheat Sheet parameters (m = 19 MiB,
 * t = 2, p = 1), stored as the PHC string argon2 produces (algorithm, parameters and salt
 * travel with the hash, so the parameters can be raised later without a migration).
 */
import argon2 from 'argon2';

/** OWASP's first argon2id configuration: 19 MiB of memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Passwords shorter than this are refused when set (NIST SP 800-63B: at least 8; we ask 12). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longer input is refused before hashing, so a huge body cannot burn CPU. */
export const MAX_PASSWORD_LENGTH = 256;

export class WeakPasswordError extends Error {}

export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new WeakPasswordError(`A lead's password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new WeakPasswordError(`A lead's password may have at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await argon2.verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody knows, verified when the username does not exist, so a
 * sign-in for an unknown lead costs the same time as one for a known lead.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= argon2.hash('steadyline-decoy-password-never-used', ARGON2_OPTIONS);
  return decoy;
}
