import type { Migration } from './migration';

/**
 * A call can end by being transferred. SQLite cannot change a CHECK in place, so `calls` is
 * rebuilt (SQLite's documented procedure, "Making Other Kinds Of Table Schema Changes"); the
 * runner turns foreign keys off around it so call_marks, breaks and reflections keep their rows,
 * and checks every reference afterwards.
 */
export const transferredCalls: Migration = {
  version: 3,
  name: 'calls can end as transferred',
  up(db) {
    db.exec(`
      CREATE TABLE calls_new (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        remote_uri TEXT NOT NULL,
        remote_display_name TEXT,
        sip_call_id TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        answered_at INTEGER,
        ended_at INTEGER,
        end_reason TEXT CHECK (end_reason IN ('local-hangup', 'remote-hangup', 'declined', 'cancelled', 'busy',
          'failed', 'transport-lost', 'deferred', 'missed', 'transferred')),
        sip_status INTEGER CHECK (sip_status BETWEEN 100 AND 699)
      ) STRICT;
      INSERT INTO calls_new SELECT * FROM calls;
      DROP TABLE calls;
      ALTER TABLE calls_new RENAME TO calls;
      CREATE INDEX calls_by_start ON calls (started_at);
      CREATE INDEX calls_by_sip_call_id ON calls (sip_call_id);
    `);
  },
};
