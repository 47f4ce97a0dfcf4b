/**
 * Revocations the agent asked for (one week, or everything), kept until the collector confirms
 * the deletion, so a revocation made offline is not lost across restarts.
 */
import type Database from 'better-sqlite3';

import { statement } from './statements';

export interface Revocation {
  id: number;
  scope: 'week' | 'all';
  week: string | null;
  requestedAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

interface RevocationRow {
  id: number;
  scope: 'week' | 'all';
  week: string | null;
  requested_at: number;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
}

const toRevocation = (row: RevocationRow): Revocation => ({
  id: row.id,
  scope: row.scope,
  week: row.week,
  requestedAt: row.requested_at,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
});

/**
 * Withdraws a week, or every week (`week` null). A week never tried is withdrawn here and now (it
 * never left the PC); anything that may have reached the collector waits as 'revoking' for the
 * collector's delete. "Everything" is always asked of the collector, even for weeks this journal
 * no longer knows. Returns the revocation queued, if one was.
 */
export function requestRevocation(db: Database.Database, week: string | null, now: number): number | null {
  return db.transaction(() => {
    const match = week === null ? "state <> 'revoked'" : "week = @week AND state <> 'revoked'";
    statement(
      db,
      `UPDATE shared_weeks SET state = 'revoked', revoke_requested_at = @now, revoked_at = @now,
         next_attempt_at = NULL
       WHERE ${match} AND state = 'queued' AND attempts = 0`,
    ).run({ week, now });
    const { changes } = statement(
      db,
      `UPDATE shared_weeks SET state = 'revoking', revoke_requested_at = @now, next_attempt_at = NULL
       WHERE ${match}`,
    ).run({ week, now });
    if (week !== null && changes === 0) return null;
    const { lastInsertRowid } = statement(
      db,
      `INSERT INTO summary_revocations (scope, week, requested_at, next_attempt_at)
       VALUES (@scope, @week, @now, @now)`,
    ).run({ scope: week === null ? 'all' : 'week', week, now });
    return Number(lastInsertRowid);
  })();
}

export const DUE_REVOCATIONS_SQL = `SELECT * FROM summary_revocations
  WHERE done_at IS NULL AND next_attempt_at <= @now ORDER BY id`;

export function dueRevocations(db: Database.Database, now: number): Revocation[] {
  return (statement(db, DUE_REVOCATIONS_SQL).all({ now }) as RevocationRow[]).map(toRevocation);
}

export function pendingRevocationCount(db: Database.Database): number {
  return (
    statement(db, 'SELECT count(*) AS pending FROM summary_revocations WHERE done_at IS NULL').get() as {
      pending: number;
    }
  ).pending;
}

/** The collector deleted it: the week (or every week asked before) is revoked as of `doneAt`. */
export function completeRevocation(
  db: Database.Database,
  revocation: Revocation,
  { doneAt, deleted }: { doneAt: number; deleted: number },
): void {
  db.transaction(() => {
    statement(
      db,
      'UPDATE summary_revocations SET done_at = ?, deleted = ?, attempts = attempts + 1 WHERE id = ?',
    ).run(doneAt, deleted, revocation.id);
    const match = revocation.scope === 'all' ? '' : 'AND week = @week';
    statement(
      db,
      `UPDATE shared_weeks SET state = 'revoked', revoked_at = @doneAt
       WHERE state = 'revoking' AND revoke_requested_at <= @requestedAt ${match}`,
    ).run({ doneAt, requestedAt: revocation.requestedAt, week: revocation.week });
  })();
}

export function revocationFailed(
  db: Database.Database,
  id: number,
  { error, nextAttemptAt }: { error: string; nextAttemptAt: number },
): void {
  statement(
    db,
    'UPDATE summary_revocations SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?',
  ).run(error.slice(0, 300), nextAttemptAt, id);
}

/** When the outbox next has something to try (a queued week or a revocation), if ever. */
export const NEXT_DUE_SQL = `SELECT min(at) AS at FROM (
  SELECT min(next_attempt_at) AS at FROM shared_weeks WHERE state = 'queued' AND @weeks = 1
  UNION ALL SELECT min(next_attempt_at) FROM summary_revocations WHERE done_at IS NULL)`;

/** `weeks: false` while weeks may not go out (no consent): only revocations count. */
export function nextDueAt(db: Database.Database, { weeks }: { weeks: boolean }): number | null {
  return (statement(db, NEXT_DUE_SQL).get({ weeks: weeks ? 1 : 0 }) as { at: number | null }).at;
}
