import { createCallsTable } from './calls-table';
import type { Migration } from './migration';

/** How a call could end in step 1 (later steps add to this list; `preload/schemas/common.ts` has today's). */
export const END_REASONS_1 = [
  'local-hangup',
  'remote-hangup',
  'declined',
  'cancelled',
  'busy',
  'failed',
  'transport-lost',
  'deferred',
  'missed',
] as const;

export const callsAndMarks: Migration = {
  version: 1,
  name: 'calls and call marks',
  up(db) {
    createCallsTable(db, 'calls', END_REASONS_1);
    db.exec(`
      CREATE TABLE call_marks (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('abusive', 'proud')),
        severity INTEGER CHECK (severity BETWEEN 1 AND 3),
        created_at INTEGER NOT NULL,
        undone_at INTEGER,
        CHECK ((kind = 'abusive') = (severity IS NOT NULL))
      ) STRICT;
      CREATE INDEX call_marks_by_call ON call_marks (call_id);
      CREATE INDEX call_marks_by_time ON call_marks (created_at);

      CREATE TABLE call_mark_categories (
        mark_id INTEGER NOT NULL REFERENCES call_marks (id) ON DELETE CASCADE,
        category TEXT NOT NULL CHECK (category IN ('shouting', 'insults', 'threats', 'harassment',
          'sexual-harassment', 'other')),
        PRIMARY KEY (mark_id, category)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
