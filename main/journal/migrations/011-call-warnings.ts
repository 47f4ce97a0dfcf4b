import type { Migration } from './migration';

/**
 * The recorded warnings an agent played to a caller (issue 15): which one, in which call, when it
 * started and how it ended. `ended_at` and `outcome` stay empty while one plays; a crash leaves
 * them so, and the next start closes such rows as 'interrupted'.
 */
export const callWarnings: Migration = {
  version: 11,
  name: 'call warnings',
  up(db) {
    db.exec(`
      CREATE TABLE call_warnings (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('warning', 'final')),
        source TEXT NOT NULL CHECK (source IN ('built-in', 'it')),
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        outcome TEXT CHECK (outcome IN ('played', 'stopped', 'call-ended', 'failed', 'interrupted')),
        CHECK ((ended_at IS NULL) = (outcome IS NULL))
      ) STRICT;
      CREATE INDEX call_warnings_by_call ON call_warnings (call_id, started_at);
      CREATE INDEX call_warnings_by_time ON call_warnings (started_at);
    `);
  },
};
