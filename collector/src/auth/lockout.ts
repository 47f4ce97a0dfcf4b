/**
 * Sign-in lockout, per login name (known or not, so a lockout never tells whether a lead
 * exists): after 5 failed attempts the login is locked for 15 minutes, whichever collector
 * process answers (the counter lives in PostgreSQL, table lead_sign_in_failures). A success
 * clears the counter. Per-address rate limiting is separate (@fastify/rate-limit on the route).
 */
import type { Queryable } from '../db/store';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;

/** The login as the lockout counts it: trimmed and case-folded. */
export function loginKey(login: string): string {
  return login.trim().toLowerCase();
}

/** The time the lock ends, or null when the login may try. */
export async function lockedUntil(db: Queryable, login: string, now: Date): Promise<Date | null> {
  const { rows } = await db.query<{ locked_until: Date | null }>(
    'SELECT locked_until FROM lead_sign_in_failures WHERE login = $1',
    [loginKey(login)],
  );
  const until = rows[0]?.locked_until;
  return until && new Date(until) > now ? new Date(until) : null;
}

/** Counts a failure; the fifth within a lock period locks the login. */
export async function recordFailure(db: Queryable, login: string, now: Date): Promise<void> {
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  const windowStart = new Date(now.getTime() - LOCKOUT_MS);
  await db.query(
    `INSERT INTO lead_sign_in_failures (login, failures, first_failure_at, locked_until)
     VALUES ($1, 1, $2, NULL)
     ON CONFLICT (login) DO UPDATE SET
       failures = CASE WHEN lead_sign_in_failures.first_failure_at < $3 THEN 1
                       ELSE lead_sign_in_failures.failures + 1 END,
       first_failure_at = CASE WHEN lead_sign_in_failures.first_failure_at < $3 THEN $2
                               ELSE lead_sign_in_failures.first_failure_at END,
       locked_until = CASE WHEN lead_sign_in_failures.first_failure_at >= $3
                            AND lead_sign_in_failures.failures + 1 >= $5 THEN $4::timestamptz
                           ELSE NULL END`,
    [loginKey(login), now, windowStart, lockUntil, MAX_FAILURES],
  );
}

export async function clearFailures(db: Queryable, login: string): Promise<void> {
  await db.query('DELETE FROM lead_sign_in_failures WHERE login = $1', [loginKey(login)]);
}
