/** Closing the day: the day in one line, its proud calls, and the note left here (day_notes). */
import type Database from 'better-sqlite3';

import { statement } from './statements';

export const DAY_CALLS_SQL = `SELECT count(*) AS calls FROM calls
  WHERE started_at >= ? AND started_at < ? AND answered_at IS NOT NULL`;
export const DAY_BREAKS_SQL =
  'SELECT count(*) AS breaks FROM breaks WHERE started_at >= ? AND started_at < ?';
/** The calls marked proud (mark not undone) in a time range, oldest first (call_marks_by_time). */
export const PROUD_CALLS_SQL = `SELECT c.id, c.remote_uri, c.remote_display_name, c.started_at, m.created_at
  FROM call_marks m JOIN calls c ON c.id = m.call_id
  WHERE m.created_at >= ? AND m.created_at < ? AND m.kind = 'proud' AND m.undone_at IS NULL
  ORDER BY m.created_at LIMIT 200`;
export const PURGE_DAY_NOTES_SQL = 'DELETE FROM day_notes WHERE written_at < ?';

export interface ProudCall {
  callId: number;
  remoteUri: string;
  remoteDisplayName: string | null;
  startedAt: number;
  markedAt: number;
}

export interface DayInOneLine {
  /** Answered calls that started in the range. */
  calls: number;
  breaks: number;
  proud: ProudCall[];
}

/** The day between `from` and `to` (ms since the epoch; `to` excluded). */
export function dayInOneLine(db: Database.Database, from: number, to: number): DayInOneLine {
  const { calls } = statement(db, DAY_CALLS_SQL).get(from, to) as { calls: number };
  const { breaks } = statement(db, DAY_BREAKS_SQL).get(from, to) as { breaks: number };
  const rows = statement(db, PROUD_CALLS_SQL).all(from, to) as {
    id: number;
    remote_uri: string;
    remote_display_name: string | null;
    started_at: number;
    created_at: number;
  }[];
  return {
    calls,
    breaks,
    proud: rows.map((row) => ({
      callId: row.id,
      remoteUri: row.remote_uri,
      remoteDisplayName: row.remote_display_name,
      startedAt: row.started_at,
      markedAt: row.created_at,
    })),
  };
}

/** Keeps the note the agent left when closing the day; returns its id. */
export function addDayNote(db: Database.Database, note: string, writtenAt: number): number {
  return Number(
    statement(db, 'INSERT INTO day_notes (written_at, note) VALUES (?, ?)').run(writtenAt, note)
      .lastInsertRowid,
  );
}

/** The notes left in a time range, oldest first. */
export function dayNotesBetween(db: Database.Database, from: number, to: number) {
  return statement(
    db,
    'SELECT id, written_at AS writtenAt, note FROM day_notes WHERE written_at >= ? AND written_at < ? ORDER BY written_at',
  ).all(from, to) as { id: number; writtenAt: number; note: string }[];
}

/** Erases the day notes written before `before` (the private-note retention); returns how many. */
export function purgeDayNotesBefore(db: Database.Database, before: number): number {
  return statement(db, PURGE_DAY_NOTES_SQL).run(before).changes;
}
