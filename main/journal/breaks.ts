/** Recovery breaks: when they started, what was planned, and how they ended. */
import type Database from 'better-sqlite3';

import { statement } from './statements';

export type BreakTrigger = 'abusive-call' | 'manual' | 'suggested-long';
export type BreakEnding = 'completed' | 'ended-early' | 'extended-and-completed' | 'interrupted-by-quit';

export interface NewBreak {
  callId: number | null;
  trigger: BreakTrigger;
  startedAt: number;
  plannedSeconds: number;
}

export interface BreakRecord extends NewBreak {
  id: number;
  actualSeconds: number | null;
  endedHow: BreakEnding | null;
}

interface BreakRow {
  id: number;
  call_id: number | null;
  trigger: BreakTrigger;
  started_at: number;
  planned_seconds: number;
  actual_seconds: number | null;
  ended_how: BreakEnding | null;
}

const toBreak = (row: BreakRow): BreakRecord => ({
  id: row.id,
  callId: row.call_id,
  trigger: row.trigger,
  startedAt: row.started_at,
  plannedSeconds: row.planned_seconds,
  actualSeconds: row.actual_seconds,
  endedHow: row.ended_how,
});

export function startBreak(db: Database.Database, entry: NewBreak): number {
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO breaks (call_id, trigger, started_at, planned_seconds)
     VALUES (@callId, @trigger, @startedAt, @plannedSeconds)`,
  ).run(entry);
  return Number(lastInsertRowid);
}

export function finishBreak(
  db: Database.Database,
  id: number,
  actualSeconds: number,
  endedHow: BreakEnding,
): void {
  statement(db, 'UPDATE breaks SET actual_seconds = ?, ended_how = ? WHERE id = ? AND ended_how IS NULL').run(
    actualSeconds,
    endedHow,
    id,
  );
}

/** The break still running (at most one), for resuming after a restart. */
export function activeBreak(db: Database.Database): BreakRecord | null {
  const row = statement(
    db,
    'SELECT * FROM breaks WHERE ended_how IS NULL ORDER BY started_at DESC LIMIT 1',
  ).get() as BreakRow | undefined;
  return row ? toBreak(row) : null;
}
