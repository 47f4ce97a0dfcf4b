/** Marks an agent puts on a call: abusive (with categories and severity) or a call they are proud of. */
import type Database from 'better-sqlite3';

import { AbuseCategory, type MarkKind } from '../../preload/schemas/common';

import { statement } from './statements';

/** The categories the `call_mark_categories.category` CHECK allows (tests/node/journal/checks-match-schemas.test.ts). */
export const ABUSE_CATEGORIES = AbuseCategory.options;
export type { AbuseCategory };

export type NewMark =
  | {
      callId: number;
      kind: 'abusive';
      /** Null when the agent chose none (nothing is recorded for them, migration 008). */
      severity: 1 | 2 | 3 | null;
      categories: AbuseCategory[];
      createdAt: number;
    }
  | { callId: number; kind: 'proud'; createdAt: number };

/** A mark before it is attached to a call. */
export type MarkOfCall = NewMark extends infer Mark
  ? Mark extends unknown
    ? Omit<Mark, 'callId'>
    : never
  : never;

export interface CallMark {
  id: number;
  callId: number;
  kind: MarkKind;
  severity: number | null;
  categories: AbuseCategory[];
  createdAt: number;
  undoneAt: number | null;
}

/** Journals a mark (and an abusive mark's categories) in one transaction. */
export function addMark(db: Database.Database, mark: NewMark): number {
  return db.transaction(() => {
    const severity = mark.kind === 'abusive' ? mark.severity : null;
    const { lastInsertRowid } = statement(
      db,
      'INSERT INTO call_marks (call_id, kind, severity, created_at) VALUES (?, ?, ?, ?)',
    ).run(mark.callId, mark.kind, severity, mark.createdAt);
    const id = Number(lastInsertRowid);
    const categories = mark.kind === 'abusive' ? new Set(mark.categories) : new Set<AbuseCategory>();
    const insertCategory = statement(
      db,
      'INSERT INTO call_mark_categories (mark_id, category) VALUES (?, ?)',
    );
    for (const category of categories) insertCategory.run(id, category);
    return id;
  })();
}

/** Takes a mark back (kept, with the time it was undone); false if it was already undone. */
export function undoMark(db: Database.Database, id: number, undoneAt: number): boolean {
  return (
    statement(db, 'UPDATE call_marks SET undone_at = ? WHERE id = ? AND undone_at IS NULL').run(undoneAt, id)
      .changes === 1
  );
}

interface MarkRow {
  id: number;
  call_id: number;
  kind: MarkKind;
  severity: number | null;
  created_at: number;
  undone_at: number | null;
  categories: string | null;
}

/** Every mark of a call, oldest first, undone ones included. */
export function marksForCall(db: Database.Database, callId: number): CallMark[] {
  const rows = statement(
    db,
    `SELECT m.*, (SELECT group_concat(category) FROM call_mark_categories c WHERE c.mark_id = m.id) AS categories
     FROM call_marks m WHERE m.call_id = ? ORDER BY m.created_at`,
  ).all(callId) as MarkRow[];
  return rows.map(toMark);
}

const toMark = (row: MarkRow): CallMark => ({
  id: row.id,
  callId: row.call_id,
  kind: row.kind,
  severity: row.severity,
  categories: (row.categories?.split(',') ?? []).sort() as AbuseCategory[],
  createdAt: row.created_at,
  undoneAt: row.undone_at,
});

/** One mark by its id, or null. */
export function getMark(db: Database.Database, id: number): CallMark | null {
  const row = statement(
    db,
    `SELECT m.*, (SELECT group_concat(category) FROM call_mark_categories c WHERE c.mark_id = m.id) AS categories
     FROM call_marks m WHERE m.id = ?`,
  ).get(id) as MarkRow | undefined;
  return row ? toMark(row) : null;
}

export const COUNT_ABUSIVE_SQL = `SELECT count(DISTINCT call_id) AS marks FROM call_marks
  WHERE created_at >= ? AND kind = 'abusive' AND undone_at IS NULL`;

/** Calls marked abusive (marks not undone) since `since`: repeated abuse suggests a longer break. */
export function countAbusiveMarksSince(db: Database.Database, since: number): number {
  return (statement(db, COUNT_ABUSIVE_SQL).get(since) as { marks: number }).marks;
}
