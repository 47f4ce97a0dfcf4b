import type { Migration } from './migration';

export const callsAndMarks: Migration = {
  version: 1,
  name: 'calls and call marks',
  up(db) {
    db.exec(`
      CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        remote_uri TEXT NOT NULL,
        remote_display_name TEXT,
        sip_call_id TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        answered_at INTEGER,
        ended_at INTEGER,
        end_reason TEXT CHECK (end_reason IN ('local-hangup', 'remote-hangup', 'declined', 'cancelled', 'busy',
          'failed', 'transport-lost', 'deferred', 'missed')),
        sip_status INTEGER CHECK (sip_status BETWEEN 100 AND 699)
      ) STRICT;
      CREATE INDEX calls_by_start ON calls (started_at);
      CREATE INDEX calls_by_sip_call_id ON calls (sip_call_id);

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
