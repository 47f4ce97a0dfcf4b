/**
 * The team-summary outbox (migration 007): weeks queued → sent (with the collector's receipt) →
 * revoked, the exact bytes of each, and the revocations still owed to the collector.
 */
import type Database from 'better-sqlite3';

import { statement } from './statements';

export type SharedWeekState = 'queued' | 'sent' | 'refused' | 'revoking' | 'revoked';

export interface SharedWeek {
  week: string;
  consent: 'anonymous' | 'named';
  /** The exact bytes previewed and sent. */
  body: Buffer;
  sha256: string;
  state: SharedWeekState;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  sentAt: number | null;
  receipt: { receivedAt: string; sha256: string } | null;
  revokeRequestedAt: number | null;
  revokedAt: number | null;
}

interface SharedWeekRow {
  week: string;
  consent: 'anonymous' | 'named';
  body: Buffer;
  sha256: string;
  state: SharedWeekState;
  queued_at: number;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  sent_at: number | null;
  receipt_received_at: string | null;
  receipt_sha256: string | null;
  revoke_requested_at: number | null;
  revoked_at: number | null;
}

const toSharedWeek = (row: SharedWeekRow): SharedWeek => ({
  week: row.week,
  consent: row.consent,
  body: row.body,
  sha256: row.sha256,
  state: row.state,
  queuedAt: row.queued_at,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  sentAt: row.sent_at,
  receipt:
    row.receipt_received_at && row.receipt_sha256
      ? { receivedAt: row.receipt_received_at, sha256: row.receipt_sha256 }
      : null,
  revokeRequestedAt: row.revoke_requested_at,
  revokedAt: row.revoked_at,
});

export function getSharedWeek(db: Database.Database, week: string): SharedWeek | null {
  const row = statement(db, 'SELECT * FROM shared_weeks WHERE week = ?').get(week) as
    SharedWeekRow | undefined;
  return row ? toSharedWeek(row) : null;
}

/**
 * Queues a week's bytes. Sharing the same bytes again while they are queued or held is a no-op
 * (idempotent); other bytes, or a week revoked before, start again as queued.
 */
export function queueWeek(
  db: Database.Database,
  entry: { week: string; consent: 'anonymous' | 'named'; body: string; sha256: string; queuedAt: number },
): SharedWeek {
  return db.transaction(() => {
    const existing = getSharedWeek(db, entry.week);
    if (existing && existing.sha256 === entry.sha256 && ['queued', 'sent'].includes(existing.state))
      return existing;
    statement(
      db,
      `INSERT OR REPLACE INTO shared_weeks (week, consent, body, sha256, state, queued_at, attempts, next_attempt_at)
       VALUES (@week, @consent, @body, @sha256, 'queued', @queuedAt, @attempts, @queuedAt)`,
      // Attempts carry over: earlier bytes of this week may be at the collector, so a later
      // revocation must still ask it to delete.
    ).run({ ...entry, body: Buffer.from(entry.body, 'utf8'), attempts: existing?.attempts ?? 0 });
    const queued = getSharedWeek(db, entry.week);
    if (!queued) throw new Error(`week ${entry.week} was not queued`);
    return queued;
  })();
}

export const DUE_WEEKS_SQL = `SELECT * FROM shared_weeks
  WHERE state = 'queued' AND next_attempt_at <= @now ORDER BY next_attempt_at, week`;

export function dueWeeks(db: Database.Database, now: number): SharedWeek[] {
  return (statement(db, DUE_WEEKS_SQL).all({ now }) as SharedWeekRow[]).map(toSharedWeek);
}

/**
 * Counted before the request goes out: a revocation made while the request is in flight then
 * knows the collector may hold the week and asks it to delete it.
 */
export function beginAttempt(db: Database.Database, week: string): void {
  statement(db, "UPDATE shared_weeks SET attempts = attempts + 1 WHERE week = ? AND state = 'queued'").run(
    week,
  );
}

/** The collector stored these bytes (its receipt names their sha256). */
export function markSent(
  db: Database.Database,
  week: string,
  sha256: string,
  { sentAt, receipt }: { sentAt: number; receipt: { receivedAt: string; sha256: string } },
): boolean {
  const { changes } = statement(
    db,
    `UPDATE shared_weeks SET state = 'sent', sent_at = ?, receipt_received_at = ?, receipt_sha256 = ?,
       next_attempt_at = NULL, last_error = NULL
     WHERE week = ? AND sha256 = ? AND state = 'queued'`,
  ).run(sentAt, receipt.receivedAt, receipt.sha256, week, sha256);
  return changes === 1;
}

/** A try that failed: retried at `nextAttemptAt`, or never (`refused`) when the collector said no. */
export function markWeekFailed(
  db: Database.Database,
  week: string,
  { error, nextAttemptAt }: { error: string; nextAttemptAt: number | null },
): void {
  statement(
    db,
    `UPDATE shared_weeks SET last_error = ?, next_attempt_at = ?,
       state = CASE WHEN ? IS NULL THEN 'refused' ELSE state END
     WHERE week = ? AND state = 'queued'`,
  ).run(error.slice(0, 300), nextAttemptAt, nextAttemptAt, week);
}

export function listSharedWeeks(db: Database.Database): SharedWeek[] {
  return (statement(db, 'SELECT * FROM shared_weeks ORDER BY week DESC').all() as SharedWeekRow[]).map(
    toSharedWeek,
  );
}

export function skipWeek(db: Database.Database, week: string, at: number): void {
  statement(db, 'INSERT OR IGNORE INTO skipped_weeks (week, skipped_at) VALUES (?, ?)').run(week, at);
}

export function isWeekSkipped(db: Database.Database, week: string): boolean {
  return statement(db, 'SELECT 1 FROM skipped_weeks WHERE week = ?').get(week) !== undefined;
}
