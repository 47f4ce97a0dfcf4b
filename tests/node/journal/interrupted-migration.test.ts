/** Migration 006 on a journal at step 5: calls and breaks can end as 'interrupted'; nothing else changes. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../main/logging/logger';
import { migrate } from '../../../main/journal/migrate';
import { MIGRATIONS } from '../../../main/journal/migrations';
import { interruptedEndings } from '../../../main/journal/migrations/006-interrupted';

const columns = (db: Database.Database, table: string) =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name);
const indexes = (db: Database.Database, table: string) =>
  (db.pragma(`index_list(${table})`) as Array<{ name: string }>).map((index) => index.name).sort();

describe('migration 006: interrupted calls and breaks', () => {
  it('rebuilds calls and breaks with the new ending, keeping rows, columns, indexes and references', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 5));
    db.exec(`
      INSERT INTO calls (id, direction, remote_uri, sip_call_id, started_at, ended_at, end_reason, sip_status)
        VALUES (1, 'inbound', 'sip:a@b', 'c1', 1, 2, 'busy', 486), (2, 'outbound', 'sip:c@d', 'c2', 3, NULL, NULL, NULL);
      INSERT INTO call_marks (id, call_id, kind, severity, created_at) VALUES (1, 1, 'abusive', 2, 5);
      INSERT INTO breaks (id, call_id, trigger, started_at, planned_seconds, restore_availability, extended_seconds)
        VALUES (1, 1, 'abusive-call', 6, 120, 'dnd', 60);
      INSERT INTO reflections (id, break_id, call_id, created_at, mood, difficulty) VALUES (1, 1, 1, 7, 3, 4);
      INSERT INTO call_quality (call_id, packet_loss_percent, jitter_ms, mos, packets_received, packets_sent)
        VALUES (1, 0, 1, 4.2, 10, 10);
    `);
    const before = {
      calls: columns(db, 'calls'),
      breaks: columns(db, 'breaks'),
      callIndexes: indexes(db, 'calls'),
      breakIndexes: indexes(db, 'breaks'),
      rows: db.prepare('SELECT * FROM calls ORDER BY id').all(),
      breakRows: db.prepare('SELECT * FROM breaks').all(),
    };
    expect(interruptedEndings.version).toBe(6);
    expect(migrate(db, silentLogger(), MIGRATIONS.slice(0, 6))).toEqual({ from: 5, to: 6 });
    expect(columns(db, 'calls')).toEqual(before.calls);
    expect(columns(db, 'breaks')).toEqual(before.breaks);
    expect(indexes(db, 'calls')).toEqual(before.callIndexes);
    expect(indexes(db, 'breaks')).toEqual(before.breakIndexes);
    expect(db.prepare('SELECT * FROM calls ORDER BY id').all()).toEqual(before.rows);
    expect(db.prepare('SELECT * FROM breaks').all()).toEqual(before.breakRows);
    expect(db.prepare('SELECT call_id FROM call_marks').get()).toEqual({ call_id: 1 });
    expect(db.prepare('SELECT break_id, call_id FROM reflections').get()).toEqual({
      break_id: 1,
      call_id: 1,
    });
    expect(db.prepare('SELECT count(*) AS n FROM call_quality').get()).toEqual({ n: 1 });

    db.prepare("UPDATE calls SET ended_at = 4, end_reason = 'interrupted' WHERE id = 2").run();
    db.prepare("UPDATE breaks SET actual_seconds = 1, ended_how = 'interrupted' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE calls SET end_reason = 'crashed' WHERE id = 2").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE breaks SET ended_how = 'crashed'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE breaks SET restore_availability = 'break'").run()).toThrow(/CHECK/);
    // The references still cascade: deleting a call still removes its marks and quality summary.
    db.prepare('DELETE FROM calls WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM call_marks').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT call_id FROM breaks').get()).toEqual({ call_id: null });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
