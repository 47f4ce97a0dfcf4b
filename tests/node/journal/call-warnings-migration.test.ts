/** Migration 011 on a journal at step 10: the warnings played in calls, and the index their query uses. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../main/logging/logger';
import { migrate } from '../../../main/journal/migrate';
import { MIGRATIONS } from '../../../main/journal/migrations';
import { callWarnings } from '../../../main/journal/migrations/011-call-warnings';
import { addWarning, endWarning, warningsForCall } from '../../../main/journal/warnings';

describe('migration 011: the warnings played in a call', () => {
  it('keeps existing calls, refuses impossible rows, and ends a warning once', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 10));
    db.exec(`INSERT INTO calls (id, direction, remote_uri, sip_call_id, started_at)
             VALUES (1, 'inbound', 'sip:noa@pbx', 'x', 1000)`);
    expect(callWarnings.version).toBe(11);
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 11));
    expect(db.prepare('SELECT count(*) AS calls FROM calls').get()).toEqual({ calls: 1 });

    const id = addWarning(db, { callId: 1, kind: 'final', source: 'it', startedAt: 2000 });
    endWarning(db, id, 'played', 7000);
    endWarning(db, id, 'stopped', 9000);
    expect(warningsForCall(db, 1)).toEqual([
      { id, callId: 1, kind: 'final', source: 'it', startedAt: 2000, endedAt: 7000, outcome: 'played' },
    ]);
    const insert = (values: string) =>
      db.prepare(
        `INSERT INTO call_warnings (call_id, kind, source, started_at, ended_at, outcome) VALUES (${values})`,
      );
    expect(() => insert("1, 'shout', 'it', 1, NULL, NULL").run()).toThrow(/CHECK/);
    expect(() => insert("1, 'warning', 'vendor', 1, NULL, NULL").run()).toThrow(/CHECK/);
    // An end without an outcome, or an outcome without an end, is refused.
    expect(() => insert("1, 'warning', 'it', 1, 5, NULL").run()).toThrow(/CHECK/);
    expect(() => insert("1, 'warning', 'it', 1, NULL, 'played'").run()).toThrow(/CHECK/);
    expect(() => insert("99, 'warning', 'it', 1, NULL, NULL").run()).toThrow(/FOREIGN KEY/);
  });

  it('finds a call’s warnings through its index', () => {
    const db = new Database(':memory:');
    migrate(db, silentLogger(), MIGRATIONS);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM call_warnings WHERE call_id = ? ORDER BY started_at, id')
      .all(1) as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toContain('call_warnings_by_call');
  });
});
