/**
 * Lead sessions, stored in PostgreSQL (table lead_sessions, migration 005) so any collector
 * process serves any lead. A session ends at the first of: sign-out, 30 minutes without a
 * request, or 8 hours after sign-in (OWASP Session Management: idle and absolute timeouts).
 * Time comes from the injected clock.
 */
import type { Queryable } from '../db/store';

import { newToken, TOKEN_PATTERN, tokenHash } from './tokens';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60_000;
/** How stale last_seen_at may get before a request writes it (idle timeouts are minute-precise). */
export const TOUCH_EVERY_MS = 60_000;

export interface LeadSession {
  leadId: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface NewSession extends LeadSession {
  /** The cookie value; never stored, only its hash is. */
  token: string;
}

/** A fresh session (a new token every sign-in, so a planted cookie is never adopted). */
export async function createSession(db: Queryable, leadId: string, now: Date): Promise<NewSession> {
  // Sessions that ended without a sign-out are swept here, so the table holds live ones only.
  await db.query('DELETE FROM lead_sessions WHERE absolute_expires_at <= $1 OR last_seen_at <= $2', [
    now,
    new Date(now.getTime() - IDLE_TIMEOUT_MS),
  ]);
  const token = newToken();
  const csrfToken = newToken();
  const absolute = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
  const idle = new Date(now.getTime() + IDLE_TIMEOUT_MS);
  await db.query(
    `INSERT INTO lead_sessions (token_hash, lead_id, csrf_token, created_at, last_seen_at, absolute_expires_at)
     VALUES ($1, $2, $3, $4, $4, $5)`,
    [tokenHash(token), leadId, csrfToken, now, absolute],
  );
  return { token, leadId, csrfToken, expiresAt: idle < absolute ? idle : absolute };
}

interface SessionRow {
  lead_id: string;
  csrf_token: string;
  last_seen_at: Date;
  absolute_expires_at: Date;
}

/**
 * The live session for a cookie value, its idle timer restarted; null for a missing,
 * malformed, unknown (tampered), idle-expired or absolutely expired token.
 */
export async function touchSession(
  db: Queryable,
  token: string | undefined,
  now: Date,
): Promise<LeadSession | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const hash = tokenHash(token);
  const { rows } = await db.query<SessionRow>(
    `SELECT lead_id, csrf_token, last_seen_at, absolute_expires_at FROM lead_sessions
      WHERE token_hash = $1 AND last_seen_at > $3 AND absolute_expires_at > $2`,
    [hash, now, new Date(now.getTime() - IDLE_TIMEOUT_MS)],
  );
  const row = rows[0];
  if (!row) {
    await db.query('DELETE FROM lead_sessions WHERE token_hash = $1', [hash]);
    return null;
  }
  // The idle timer restarts at most once a minute: a read then costs no write (and no fsync).
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
    await db.query('UPDATE lead_sessions SET last_seen_at = $2 WHERE token_hash = $1', [hash, now]);
  }
  const idle = new Date(now.getTime() + IDLE_TIMEOUT_MS);
  const absolute = new Date(row.absolute_expires_at);
  return { leadId: row.lead_id, csrfToken: row.csrf_token, expiresAt: idle < absolute ? idle : absolute };
}

export async function destroySession(db: Queryable, token: string | undefined): Promise<void> {
  if (!token || !TOKEN_PATTERN.test(token)) return;
  await db.query('DELETE FROM lead_sessions WHERE token_hash = $1', [tokenHash(token)]);
}

/** Ends every session of a lead (a password change, a lead removed from all teams). */
export async function destroyLeadSessions(db: Queryable, leadId: string): Promise<void> {
  await db.query('DELETE FROM lead_sessions WHERE lead_id = $1', [leadId]);
}
