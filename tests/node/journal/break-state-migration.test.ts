/** Migration 005 on a journal at step 4: running breaks can be resumed, reflections get a thought note. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../main/logging/logger';
import { migrate } from '../../../main/journal/migrate';
import { MIGRATIONS } from '../../../main/journal/migrations';
import { breakState } from '../../../main/journal/migrations/005-break-state';

const columns = (db: Database.Database, table: string) =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name);

describe('migration 005: break state and the reflection thought note', () => {
  it('adds restore_availability, extended_seconds and private_thought, keeping rows and checks', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 4));
    db.exec(`
      INSERT INTO breaks (id, trigger, started_at, planned_seconds) VALUES (1, 'manual', 1, 90);
      INSERT INTO reflections (id, break_id, created_at, mood, difficulty, private_note) VALUES (1, 1, 2, 3, 4, 'felt');
    `);
    expect(breakState.version).toBe(5);
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 5));
    expect(columns(db, 'breaks')).toEqual(
      expect.arrayContaining(['restore_availability', 'extended_seconds']),
    );
    expect(columns(db, 'reflections')).toContain('private_thought');
    expect(db.prepare('SELECT restore_availability, extended_seconds FROM breaks').get()).toEqual({
      restore_availability: 'available',
      extended_seconds: 0,
    });
    expect(db.prepare('SELECT private_note, private_thought FROM reflections').get()).toEqual({
      private_note: 'felt',
      private_thought: null,
    });
    expect(() => db.prepare("UPDATE breaks SET restore_availability = 'break'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE breaks SET extended_seconds = -1').run()).toThrow(/CHECK/);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT * FROM breaks WHERE ended_how IS NULL ORDER BY started_at DESC LIMIT 1',
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join(' ')).toContain('breaks_running');
  });
});
