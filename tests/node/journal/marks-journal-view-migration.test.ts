/** Migration 008 on a journal at step 7: abusive marks may have no severity; calls can leave the journal view. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { migrate } from '../../../main/journal/migrate';
import { MIGRATIONS } from '../../../main/journal/migrations';
import { marksAndJournalView } from '../../../main/journal/migrations/008-marks-and-journal-view';
import { silentLogger } from '../../../main/logging/logger';

describe('migration 008: marks without a severity, calls hidden from the journal', () => {
  it('rebuilds call_marks keeping rows, categories and indexes; adds calls.hidden_from_journal', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 7));
    db.exec(`
      INSERT INTO calls (id, direction, remote_uri, sip_call_id, started_at) VALUES (1, 'inbound', 'sip:a@b', 'x', 1);
      INSERT INTO call_marks (id, call_id, kind, severity, created_at) VALUES (1, 1, 'abusive', 3, 2);
      INSERT INTO call_marks (id, call_id, kind, severity, created_at) VALUES (2, 1, 'proud', NULL, 3);
      INSERT INTO call_mark_categories (mark_id, category) VALUES (1, 'threats');
    `);
    expect(() =>
      db
        .prepare(
          "INSERT INTO call_marks (call_id, kind, severity, created_at) VALUES (1, 'abusive', NULL, 4)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(marksAndJournalView.version).toBe(8);
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 8));

    expect(db.prepare('SELECT id, kind, severity FROM call_marks ORDER BY id').all()).toEqual([
      { id: 1, kind: 'abusive', severity: 3 },
      { id: 2, kind: 'proud', severity: null },
    ]);
    expect(db.prepare('SELECT mark_id, category FROM call_mark_categories').all()).toEqual([
      { mark_id: 1, category: 'threats' },
    ]);
    db.prepare(
      "INSERT INTO call_marks (call_id, kind, severity, created_at) VALUES (1, 'abusive', NULL, 4)",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO call_marks (call_id, kind, severity, created_at) VALUES (1, 'proud', 2, 5)")
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare("INSERT INTO call_marks (call_id, kind, severity, created_at) VALUES (1, 'abusive', 4, 5)")
        .run(),
    ).toThrow(/CHECK/);
    // The categories still follow their mark, and marks their call.
    db.prepare('DELETE FROM call_marks WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM call_mark_categories').get()).toEqual({ n: 0 });
    expect(() =>
      db.prepare("INSERT INTO call_marks (call_id, kind, created_at) VALUES (99, 'proud', 5)").run(),
    ).toThrow(/FOREIGN KEY/);

    expect(db.prepare('SELECT hidden_from_journal FROM calls').get()).toEqual({ hidden_from_journal: 0 });
    expect(() => db.prepare('UPDATE calls SET hidden_from_journal = 2').run()).toThrow(/CHECK/);
    const indexes = (db.pragma('index_list(call_marks)') as Array<{ name: string }>).map(
      (index) => index.name,
    );
    expect(indexes).toEqual(expect.arrayContaining(['call_marks_by_call', 'call_marks_by_time']));
  });
});
