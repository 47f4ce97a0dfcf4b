import type { Migration } from './migration';

/**
 * "Anything still on your mind? Write it here and leave it here": the note an agent leaves when
 * closing the day. Kept only in this journal (never in a summary, an export for IT or a log), and
 * erased with the other private notes when the retention period passes.
 */
export const dayNotes: Migration = {
  version: 9,
  name: 'day notes',
  up(db) {
    db.exec(`
      CREATE TABLE day_notes (
        id INTEGER PRIMARY KEY,
        written_at INTEGER NOT NULL,
        note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 4000)
      ) STRICT;
      CREATE INDEX day_notes_by_time ON day_notes (written_at);
    `);
  },
};
