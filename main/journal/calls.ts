/** The calls table: one row per call, written by the phone engine as the call progresses. */
import type Database from 'better-sqlite3';
import type { z } from 'zod';

import type { CallDirection, CallEndReason, JournalCall, ListCallsInput } from '../../preload/contract';

import { statement } from './statements';

export type { CallDirection, CallEndReason };

export interface NewCall {
  direction: CallDirection;
  remoteUri: string;
  remoteDisplayName: string | null;
  sipCallId: string;
  startedAt: number;
}

interface CallRow {
  id: number;
  direction: CallDirection;
  remote_uri: string;
  remote_display_name: string | null;
  sip_call_id: string;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
  end_reason: CallEndReason | null;
  sip_status: number | null;
}

const toJournalCall = (row: CallRow): JournalCall => ({
  id: row.id,
  direction: row.direction,
  remoteUri: row.remote_uri,
  remoteDisplayName: row.remote_display_name,
  sipCallId: row.sip_call_id,
  startedAt: row.started_at,
  answeredAt: row.answered_at,
  endedAt: row.ended_at,
  endReason: row.end_reason,
  sipStatus: row.sip_status,
});

export function insertCall(db: Database.Database, call: NewCall): number {
  const result = statement(
    db,
    `INSERT INTO calls (direction, remote_uri, remote_display_name, sip_call_id, started_at)
     VALUES (@direction, @remoteUri, @remoteDisplayName, @sipCallId, @startedAt)`,
  ).run(call);
  return Number(result.lastInsertRowid);
}

export function markAnswered(db: Database.Database, id: number, answeredAt: number): void {
  statement(db, 'UPDATE calls SET answered_at = ? WHERE id = ? AND answered_at IS NULL').run(answeredAt, id);
}

export interface CallEnd {
  endedAt: number;
  endReason: CallEndReason;
  sipStatus: number | null;
}

/** Records how a call ended; a call ends once (later reports are ignored). */
export function endCall(db: Database.Database, id: number, end: CallEnd): void {
  statement(
    db,
    `UPDATE calls SET ended_at = @endedAt, end_reason = @endReason, sip_status = @sipStatus
     WHERE id = @id AND ended_at IS NULL`,
  ).run({ id, ...end });
}

export function getCall(db: Database.Database, id: number): JournalCall | null {
  const row = statement(db, 'SELECT * FROM calls WHERE id = ?').get(id) as CallRow | undefined;
  return row ? toJournalCall(row) : null;
}

/** LIKE pattern matching `text` literally anywhere (its own % and _ are escaped). */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

// `id DESC` orders calls that started in the same millisecond; the index already ends in the rowid.
export const LIST_CALLS_SQL = `SELECT * FROM calls WHERE started_at < @before
  ORDER BY started_at DESC, id DESC LIMIT @limit`;
export const SEARCH_CALLS_SQL = `SELECT * FROM calls WHERE started_at < @before
  AND (remote_display_name LIKE @pattern ESCAPE '\\' OR remote_uri LIKE @pattern ESCAPE '\\')
  ORDER BY started_at DESC, id DESC LIMIT @limit`;

/** Newest first, a page at a time (`before` is the oldest start time already shown). */
export function listCalls(db: Database.Database, query: z.output<typeof ListCallsInput>): JournalCall[] {
  const before = query.before ?? Number.MAX_SAFE_INTEGER;
  const rows = query.search
    ? statement(db, SEARCH_CALLS_SQL).all({
        before,
        limit: query.limit,
        pattern: containsPattern(query.search),
      })
    : statement(db, LIST_CALLS_SQL).all({ before, limit: query.limit });
  return (rows as CallRow[]).map(toJournalCall);
}
