import type { Migration } from './migration';

/**
 * A call or a break can end as 'interrupted': Steadyline died (a crash, a kill, a power cut) while
 * it was open, and the next start closed it (see ../crash-recovery.ts). SQLite cannot change a
 * CHECK in place, so `calls` and `breaks` are rebuilt as in 003 (SQLite's documented procedure,
 * "Making Other Kinds Of Table Schema Changes"), with every column, default, check and index they
 * had after 005; the runner turns foreign keys off around it and checks every reference after.
 */
export const interruptedEndings: Migration = {
  version: 6,
  name: 'calls and breaks can end as interrupted',
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
          'failed', 'transport-lost', 'deferred', 'missed', 'transferred', 'interrupted')),
        sip_status INTEGER CHECK (sip_status BETWEEN 100 AND 699)
      ) STRICT;
      INSERT INTO calls_new SELECT * FROM calls;
      DROP TABLE calls;
      ALTER TABLE calls_new RENAME TO calls;
      CREATE INDEX calls_by_start ON calls (started_at);
      CREATE INDEX calls_by_sip_call_id ON calls (sip_call_id);

      CREATE TABLE breaks_new (
        id INTEGER PRIMARY KEY,
        call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL,
        trigger TEXT NOT NULL CHECK (trigger IN ('abusive-call', 'manual', 'suggested-long')),
        started_at INTEGER NOT NULL,
        planned_seconds INTEGER NOT NULL CHECK (planned_seconds > 0),
        actual_seconds INTEGER CHECK (actual_seconds >= 0),
        ended_how TEXT CHECK (ended_how IN ('completed', 'ended-early', 'extended-and-completed',
          'interrupted-by-quit', 'interrupted')),
        restore_availability TEXT NOT NULL DEFAULT 'available'
          CHECK (restore_availability IN ('available', 'dnd')),
        extended_seconds INTEGER NOT NULL DEFAULT 0 CHECK (extended_seconds >= 0)
      ) STRICT;
      INSERT INTO breaks_new SELECT * FROM breaks;
      DROP TABLE breaks;
      ALTER TABLE breaks_new RENAME TO breaks;
      CREATE INDEX breaks_by_start ON breaks (started_at);
      CREATE INDEX breaks_by_call ON breaks (call_id);
      CREATE INDEX breaks_running ON breaks (started_at) WHERE ended_how IS NULL;
    `);
  },
};
