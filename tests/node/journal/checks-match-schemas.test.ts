/**
 * The journal's enum CHECKs and the contract's schemas name the same values: a value added to
 * one and not the other fails here (a schema value the table refuses would throw at insert; a
 * table value the schema refuses would fail the response check on the way to the window).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

import { migrate } from '../../../main/journal/migrate';
import { silentLogger } from '../../../main/logging/logger';
import {
  AbuseCategory,
  BreakEnding,
  BreakTrigger,
  CallDirection,
  CallEndReason,
  MarkKind,
  RestoredAvailability,
} from '../../../preload/schemas/common';
import { WarningKind, WarningOutcome } from '../../../preload/schemas/warnings';

/** The quoted values of `column ... CHECK (column IN ('a', 'b'))` in the table's CREATE statement. */
function checkedValues(db: Database.Database, table: string, column: string): string[] {
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as
    { sql: string } | undefined;
  if (!row) throw new Error(`no table ${table}`);
  const match = new RegExp(`CHECK\\s*\\(\\s*${column}\\s+IN\\s*\\(([^)]*)\\)`, 'i').exec(row.sql);
  if (!match) throw new Error(`no CHECK (${column} IN (...)) in ${table}`);
  return [...(match[1] ?? '').matchAll(/'([^']*)'/g)].map((value) => value[1] ?? '').sort();
}

const CHECKS: Array<[table: string, column: string, schema: z.ZodEnum]> = [
  ['calls', 'direction', CallDirection],
  ['calls', 'end_reason', CallEndReason],
  ['call_marks', 'kind', MarkKind],
  ['call_mark_categories', 'category', AbuseCategory],
  ['breaks', 'trigger', BreakTrigger],
  ['breaks', 'ended_how', BreakEnding],
  ['breaks', 'restore_availability', RestoredAvailability],
  ['call_warnings', 'kind', WarningKind],
  ['call_warnings', 'outcome', WarningOutcome],
];

describe('journal CHECK constraints against preload/schemas/common.ts', () => {
  const db = new Database(':memory:');
  migrate(db, silentLogger());

  it.each(CHECKS)('%s.%s allows exactly the schema’s values', (table, column, schema) => {
    expect(checkedValues(db, table, column)).toEqual([...schema.options].sort());
  });

  it('reads a CHECK list the way the test expects (a mismatch would be seen)', () => {
    const other = new Database(':memory:');
    other.exec("CREATE TABLE t (x TEXT CHECK (x IN ('b', 'a'))) STRICT");
    expect(checkedValues(other, 't', 'x')).toEqual(['a', 'b']);
    expect(checkedValues(other, 't', 'x')).not.toEqual([...BreakTrigger.options].sort());
  });
});
