import type { Migration } from './migration';

/**
 * Two things the agent asked of the journal view:
 * - An abusive mark may have no severity (the agent chose none; nothing is recorded for them).
 *   SQLite cannot change a CHECK in place, so `call_marks` is rebuilt (SQLite's documented
 *   procedure, as in 003); the runner turns foreign keys off around it, so the categories keep
 *   their rows, and checks every reference afterwards.
 * - Deleting a call from the journal hides it there (and removes its marks) but keeps it in the
 *   call history: `calls.hidden_from_journal`.
 */
export const marksAndJournalView: Migration = {
  version: 8,
  name: 'abusive marks without a severity; calls hidden from the journal',
  up(db) {
    db.exec(`
      CREATE TABLE call_marks_new (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('abusive', 'proud')),
        severity INTEGER CHECK (severity BETWEEN 1 AND 3),
        created_at INTEGER NOT NULL,
        undone_at INTEGER,
        CHECK (kind = 'abusive' OR severity IS NULL)
      ) STRICT;
      INSERT INTO call_marks_new SELECT * FROM call_marks;
      DROP TABLE call_marks;
      ALTER TABLE call_marks_new RENAME TO call_marks;
      CREATE INDEX call_marks_by_call ON call_marks (call_id);
      CREATE INDEX call_marks_by_time ON call_marks (created_at);

      ALTER TABLE calls ADD COLUMN hidden_from_journal INTEGER NOT NULL DEFAULT 0
        CHECK (hidden_from_journal IN (0, 1));
    `);
  },
};
