import { END_REASONS_3 } from './003-transferred-calls';
import { rebuildCallsTable } from './calls-table';
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
    rebuildCallsTable(db, [...END_REASONS_3, 'interrupted']);
    db.exec(`
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
