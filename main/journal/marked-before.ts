/**
 * "You marked a call from this number as abusive on …": the latest abusive mark (not undone) this
 * agent put on a call from the same caller within the last days. Only this journal is read.
 */
import type Database from 'better-sqlite3';

import { callerKey, sameKey } from './caller-match';
import { statement } from './statements';

/** The abusive marks since a time, newest first, with the caller of each (call_marks_by_time). */
export const ABUSIVE_CALLERS_SQL = `SELECT m.created_at AS at, c.remote_uri AS uri
  FROM call_marks m JOIN calls c ON c.id = m.call_id
  WHERE m.created_at >= ? AND m.kind = 'abusive' AND m.undone_at IS NULL
  ORDER BY m.created_at DESC LIMIT ?`;

/** Enough for any real month of marks; a flood of marks cannot make ringing slow. */
const MAX_MARKS_READ = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface MarkedBefore {
  /** When the agent marked that earlier call (ms since the epoch). */
  at: number;
}

/**
 * The newest abusive mark on an earlier call from `remoteUri` within `days` days of `now`, or null
 * (also when `days` is 0: the heads-up is off).
 */
export function markedBefore(
  db: Database.Database,
  remoteUri: string,
  days: number,
  now: number,
): MarkedBefore | null {
  const key = callerKey(remoteUri);
  if (!key || days <= 0) return null;
  const rows = statement(db, ABUSIVE_CALLERS_SQL).all(now - days * DAY_MS, MAX_MARKS_READ) as {
    at: number;
    uri: string;
  }[];
  for (const row of rows) {
    const other = callerKey(row.uri);
    if (other && sameKey(key, other)) return { at: row.at };
  }
  return null;
}
