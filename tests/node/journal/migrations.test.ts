import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../main/logging/logger';
import { JournalTooNewError, migrate, schemaVersion } from '../../../main/journal/migrate';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../../main/journal/migrations';
import { callsAndMarks } from '../../../main/journal/migrations/001-calls-and-marks';
import { breaksAndReflections } from '../../../main/journal/migrations/002-breaks-and-reflections';
import { transferredCalls } from '../../../main/journal/migrations/003-transferred-calls';

const memory = () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};
const columns = (db: Database.Database, table: string) =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name);
const isStrict = (db: Database.Database, table: string) =>
  (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(table) as { sql: string }).sql.includes(
    'STRICT',
  );

describe('migration 001: calls and marks', () => {
  it('creates strict calls, call_marks and call_mark_categories with their constraints', () => {
    const db = memory();
    callsAndMarks.up(db);
    expect(columns(db, 'calls')).toEqual([
      'id',
      'direction',
      'remote_uri',
      'remote_display_name',
      'sip_call_id',
      'started_at',
      'answered_at',
      'ended_at',
      'end_reason',
      'sip_status',
    ]);
    expect(columns(db, 'call_marks')).toEqual([
      'id',
      'call_id',
      'kind',
      'severity',
      'created_at',
      'undone_at',
    ]);
    expect(['calls', 'call_marks', 'call_mark_categories'].every((table) => isStrict(db, table))).toBe(true);
    const insertCall = db.prepare(
      "INSERT INTO calls (direction, remote_uri, sip_call_id, started_at) VALUES (?, 'sip:a@b', 'c', 1)",
    );
    expect(() => insertCall.run('sideways')).toThrow(/CHECK/);
    insertCall.run('inbound');
    expect(() =>
      db
        .prepare(
          "INSERT INTO calls (direction, remote_uri, sip_call_id, started_at) VALUES ('inbound', 'x', 'y', 'soon')",
        )
        .run(),
    ).toThrow(/cannot store TEXT/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO call_marks (call_id, kind, severity, created_at) VALUES (1, 'abusive', NULL, 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO call_marks (call_id, kind, created_at) VALUES (99, 'proud', 1)").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('migration 002: breaks and reflections', () => {
  it('adds breaks, reflections and reflection_tags on top of 001', () => {
    const db = memory();
    callsAndMarks.up(db);
    breaksAndReflections.up(db);
    expect(columns(db, 'breaks')).toEqual([
      'id',
      'call_id',
      'trigger',
      'started_at',
      'planned_seconds',
      'actual_seconds',
      'ended_how',
    ]);
    expect(columns(db, 'reflections')).toEqual([
      'id',
      'break_id',
      'call_id',
      'created_at',
      'mood',
      'difficulty',
      'not_about_me',
      'private_note',
      'wants_follow_up',
    ]);
    expect(isStrict(db, 'reflections')).toBe(true);
    expect(() =>
      db.prepare("INSERT INTO breaks (trigger, started_at, planned_seconds) VALUES ('nap', 1, 90)").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare('INSERT INTO reflections (created_at, mood, difficulty) VALUES (1, 6, 3)').run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          'INSERT INTO reflections (created_at, mood, difficulty, wants_follow_up) VALUES (1, 3, 3, 2)',
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO breaks (call_id, trigger, started_at, planned_seconds) VALUES (9, 'manual', 1, 90)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO reflection_tags (reflection_id, tag) VALUES (9, 'tea')").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('migration 003: calls can end as transferred', () => {
  it('rebuilds calls with the new end reason, keeping every row, index and reference', () => {
    const db = memory();
    migrate(db, silentLogger(), [callsAndMarks, breaksAndReflections]);
    db.exec(`
      INSERT INTO calls (id, direction, remote_uri, sip_call_id, started_at, end_reason, sip_status)
        VALUES (7, 'inbound', 'sip:a@b', 'c1', 1, 'busy', 486);
      INSERT INTO call_marks (id, call_id, kind, severity, created_at) VALUES (1, 7, 'abusive', 2, 2);
      INSERT INTO call_mark_categories (mark_id, category) VALUES (1, 'threats');
      INSERT INTO breaks (id, call_id, trigger, started_at, planned_seconds) VALUES (1, 7, 'abusive-call', 3, 90);
      INSERT INTO reflections (break_id, call_id, created_at, mood, difficulty) VALUES (1, 7, 4, 3, 4);
    `);
    expect(() => db.prepare("UPDATE calls SET end_reason = 'transferred' WHERE id = 7").run()).toThrow(
      /CHECK/,
    );
    migrate(db, silentLogger(), [callsAndMarks, breaksAndReflections, transferredCalls]);
    expect(db.prepare('SELECT id, end_reason, sip_status FROM calls').all()).toEqual([
      { id: 7, end_reason: 'busy', sip_status: 486 },
    ]);
    db.prepare("UPDATE calls SET end_reason = 'transferred' WHERE id = 7").run();
    expect(() => db.prepare("UPDATE calls SET end_reason = 'vanished' WHERE id = 7").run()).toThrow(/CHECK/);
    expect(isStrict(db, 'calls')).toBe(true);
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM call_marks) AS marks, (SELECT count(*) FROM call_mark_categories) AS categories,
                (SELECT count(*) FROM breaks) AS breaks, (SELECT count(*) FROM reflections) AS reflections`,
      )
      .get();
    expect(counts).toEqual({ marks: 1, categories: 1, breaks: 1, reflections: 1 });
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'calls'")
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([{ name: 'calls_by_start' }, { name: 'calls_by_sip_call_id' }]),
    );
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // References still point at the rebuilt table and are enforced.
    expect(() =>
      db.prepare("INSERT INTO call_marks (call_id, kind, created_at) VALUES (99, 'proud', 1)").run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM calls WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM call_marks').get()).toEqual({ n: 0 });
  });
});

describe('migration runner', () => {
  it('lists the steps numbered 1, 2, 3... in order', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(
      Array.from({ length: MIGRATIONS.length }, (_, index) => index + 1),
    );
  });

  it('applies every step once and records the schema version', () => {
    const db = memory();
    expect(migrate(db, silentLogger())).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(migrate(db, silentLogger())).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
  });

  it('applies only the pending steps of an older journal', () => {
    const db = memory();
    migrate(db, silentLogger(), [callsAndMarks]);
    expect(schemaVersion(db)).toBe(1);
    expect(migrate(db, silentLogger())).toEqual({ from: 1, to: LATEST_SCHEMA_VERSION });
    expect(columns(db, 'breaks')).toContain('planned_seconds');
  });

  it('rolls everything back when a step fails half-way', () => {
    const db = memory();
    const broken = {
      version: 2,
      name: 'broken',
      up: (d: Database.Database) => d.exec('CREATE TABLE nope (; )'),
    };
    expect(() => migrate(db, silentLogger(), [callsAndMarks, broken])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'calls'").get()).toEqual({
      n: 0,
    });
  });

  it('refuses a journal from a newer version with a clear message', () => {
    const db = memory();
    db.pragma('user_version = 99');
    expect(() => migrate(db, silentLogger())).toThrow(JournalTooNewError);
    expect(() => migrate(db, silentLogger())).toThrow(
      `newer version of Steadyline (schema 99, this version knows ${LATEST_SCHEMA_VERSION})`,
    );
  });
});
