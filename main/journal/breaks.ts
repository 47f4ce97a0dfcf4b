/** Recovery breaks: when they started, what was planned, and how they ended. */
import type Database from 'better-sqlite3';

import type { BreakEnding, BreakTrigger, RestoredAvailability } from '../../preload/schemas/common';

import { statement } from './statements';

export type { BreakEnding, BreakTrigger, RestoredAvailability };

export interface NewBreak {
  callId: number | null;
  trigger: BreakTrigger;
  startedAt: number;
  plannedSeconds: number;
  /** Default: 'available'. */
  restoreAvailability?: RestoredAvailability;
}

export interface BreakRecord extends NewBreak {
  id: number;
  restoreAvailability: RestoredAvailability;
  extendedSeconds: number;
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
  restore_availability: RestoredAvailability;
  extended_seconds: number;
}

const toBreak = (row: BreakRow): BreakRecord => ({
  id: row.id,
  callId: row.call_id,
  trigger: row.trigger,
  startedAt: row.started_at,
  plannedSeconds: row.planned_seconds,
  restoreAvailability: row.restore_availability,
  extendedSeconds: row.extended_seconds,
  actualSeconds: row.actual_seconds,
  endedHow: row.ended_how,
});

/** Journals a break as it starts; it is "running" until finishBreak. */
export function startBreak(db: Database.Database, entry: NewBreak): number {
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO breaks (call_id, trigger, started_at, planned_seconds, restore_availability)
     VALUES (@callId, @trigger, @startedAt, @plannedSeconds, @restoreAvailability)`,
  ).run({ ...entry, restoreAvailability: entry.restoreAvailability ?? 'available' });
  return Number(lastInsertRowid);
}

/** The agent added time: the new planned length and the total added so far. */
export function extendBreak(
  db: Database.Database,
  id: number,
  plannedSeconds: number,
  extendedSeconds: number,
): void {
  statement(
    db,
    'UPDATE breaks SET planned_seconds = ?, extended_seconds = ? WHERE id = ? AND ended_how IS NULL',
  ).run(plannedSeconds, extendedSeconds, id);
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

export function getBreak(db: Database.Database, id: number): BreakRecord | null {
  const row = statement(db, 'SELECT * FROM breaks WHERE id = ?').get(id) as BreakRow | undefined;
  return row ? toBreak(row) : null;
}

/** The break still running (at most one), for resuming after a restart. */
export function activeBreak(db: Database.Database): BreakRecord | null {
  const row = statement(
    db,
    'SELECT * FROM breaks WHERE ended_how IS NULL ORDER BY started_at DESC, id DESC LIMIT 1',
  ).get() as BreakRow | undefined;
  return row ? toBreak(row) : null;
}
