/** Migration 010 on a journal at step 9: a break's reflection can be recorded as skipped. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../main/logging/logger';
import { migrate } from '../../../main/journal/migrate';
import { MIGRATIONS } from '../../../main/journal/migrations';
import { reflectionSkipped } from '../../../main/journal/migrations/010-reflection-skipped';
import { reflectionOnOffer, skipReflectionOf } from '../../../main/journal/reflection-offer';

describe('migration 010: the reflection after a break can be recorded as skipped', () => {
  it('adds reflection_skipped_at (null on existing breaks), keeping rows and refusing a negative time', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 9));
    db.exec(`
      INSERT INTO breaks (id, trigger, started_at, planned_seconds, actual_seconds, ended_how)
        VALUES (1, 'manual', 1000, 90, 90, 'completed');
    `);
    expect(reflectionSkipped.version).toBe(10);
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 10));
    expect(db.prepare('SELECT id, ended_how, reflection_skipped_at FROM breaks').get()).toEqual({
      id: 1,
      ended_how: 'completed',
      reflection_skipped_at: null,
    });
    // A break that ended before this step is still on offer (within the bound), until skipped.
    expect(reflectionOnOffer(db, 0)).toEqual({ breakId: 1, callId: null });
    expect(reflectionOnOffer(db, 91_001)).toBeNull();
    skipReflectionOf(db, 1, 5000);
    skipReflectionOf(db, 1, 9000);
    expect(db.prepare('SELECT reflection_skipped_at FROM breaks').get()).toEqual({
      reflection_skipped_at: 5000,
    });
    expect(reflectionOnOffer(db, 0)).toBeNull();
    expect(() => db.prepare('UPDATE breaks SET reflection_skipped_at = -1').run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE breaks SET reflection_skipped_at = 'soon'").run()).toThrow(
      /cannot store TEXT/,
    );
  });

  it('offers neither an interrupted newest break nor an older one behind it', () => {
    const db = new Database(':memory:');
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 10));
    db.exec(`
      INSERT INTO breaks (id, trigger, started_at, planned_seconds, actual_seconds, ended_how)
        VALUES (1, 'manual', 1000, 90, 90, 'completed'), (2, 'manual', 200000, 90, 10, 'interrupted');
    `);
    expect(reflectionOnOffer(db, 0)).toBeNull();
    db.exec(`INSERT INTO reflections (break_id, created_at, mood, difficulty) VALUES (1, 2, 3, 4)`);
    db.exec(`DELETE FROM breaks WHERE id = 2`);
    expect(reflectionOnOffer(db, 0)).toBeNull();
  });
});
