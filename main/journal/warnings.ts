/** The recorded warnings played in calls (call_warnings, migration 011): one row per warning. */
import type Database from 'better-sqlite3';

import type { WarningKind, WarningOutcome } from '../../preload/contract';

import { statement } from './statements';

export type { WarningKind, WarningOutcome };

export interface JournalWarning {
  id: number;
  callId: number;
  kind: WarningKind;
  source: 'built-in' | 'it';
  startedAt: number;
  endedAt: number | null;
  outcome: WarningOutcome | null;
}

/** Notes a warning starting in a call; returns its id. */
export function addWarning(
  db: Database.Database,
  warning: { callId: number; kind: WarningKind; source: 'built-in' | 'it'; startedAt: number },
): number {
  return Number(
    statement(db, 'INSERT INTO call_warnings (call_id, kind, source, started_at) VALUES (?, ?, ?, ?)').run(
      warning.callId,
      warning.kind,
      warning.source,
      warning.startedAt,
    ).lastInsertRowid,
  );
}

/** Notes how a warning ended (once: a warning already ended keeps its outcome). */
export function endWarning(
  db: Database.Database,
  id: number,
  outcome: WarningOutcome,
  endedAt: number,
): void {
  statement(db, 'UPDATE call_warnings SET ended_at = ?, outcome = ? WHERE id = ? AND ended_at IS NULL').run(
    endedAt,
    outcome,
    id,
  );
}

/** The warnings given in a call, in order. */
export function warningsForCall(db: Database.Database, callId: number): JournalWarning[] {
  return statement(
    db,
    `SELECT id, call_id AS callId, kind, source, started_at AS startedAt, ended_at AS endedAt, outcome
     FROM call_warnings WHERE call_id = ? ORDER BY started_at, id`,
  ).all(callId) as JournalWarning[];
}
