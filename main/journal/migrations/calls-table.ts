/**
 * The `calls` table as steps 001, 003 and 006 define it: the same columns, differing only in the
 * end reasons its CHECK allows. Each step passes its own list, written out in the step, so a
 * shipped step still creates exactly what it created; only the shape is shared here.
 */
import type Database from 'better-sqlite3';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** `CREATE TABLE <name> (...) STRICT` for calls with these end reasons, and its indexes when named `calls`. */
export function createCallsTable(db: Database.Database, name: string, endReasons: readonly string[]): void {
  db.exec(`
    CREATE TABLE ${name} (
      id INTEGER PRIMARY KEY,
      direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
      remote_uri TEXT NOT NULL,
      remote_display_name TEXT,
      sip_call_id TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      answered_at INTEGER,
      ended_at INTEGER,
      end_reason TEXT CHECK (end_reason IN (${quoted(endReasons)})),
      sip_status INTEGER CHECK (sip_status BETWEEN 100 AND 699)
    ) STRICT;
  `);
  if (name === 'calls') indexCalls(db);
}

function indexCalls(db: Database.Database): void {
  db.exec(`
    CREATE INDEX calls_by_start ON calls (started_at);
    CREATE INDEX calls_by_sip_call_id ON calls (sip_call_id);
  `);
}

/**
 * Rebuilds `calls` with a new end-reason list (SQLite cannot change a CHECK in place: its
 * documented procedure, "Making Other Kinds Of Table Schema Changes"), keeping every row and id.
 * The runner turns foreign keys off around the step and checks every reference afterwards.
 */
export function rebuildCallsTable(db: Database.Database, endReasons: readonly string[]): void {
  createCallsTable(db, 'calls_new', endReasons);
  db.exec(`
    INSERT INTO calls_new SELECT * FROM calls;
    DROP TABLE calls;
    ALTER TABLE calls_new RENAME TO calls;
  `);
  indexCalls(db);
}
