import type { Migration } from './migration';

/**
 * The team-summary outbox: every week the agent chose to share, with the exact bytes they saw
 * in the preview (`body`), from queued to sent (with the collector's receipt) to revoked; the
 * revocations still to be told to the collector (a week, or everything), kept while offline; and
 * the weeks the agent skipped, so the weekly card does not ask again. Nothing here is free text
 * the agent typed except the name inside a 'named' body, which the agent saw before it was queued.
 */
export const summaryOutbox: Migration = {
  version: 7,
  name: 'team summary outbox',
  up(db) {
    db.exec(`
      CREATE TABLE shared_weeks (
        week TEXT PRIMARY KEY CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
        consent TEXT NOT NULL CHECK (consent IN ('anonymous', 'named')),
        body BLOB NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'refused', 'revoking', 'revoked')),
        queued_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER,
        last_error TEXT,
        sent_at INTEGER,
        receipt_received_at TEXT,
        receipt_sha256 TEXT,
        revoke_requested_at INTEGER,
        revoked_at INTEGER,
        CHECK ((state = 'sent') <= (sent_at IS NOT NULL)),
        CHECK ((state IN ('revoking', 'revoked')) = (revoke_requested_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX shared_weeks_due ON shared_weeks (next_attempt_at) WHERE state = 'queued';

      CREATE TABLE summary_revocations (
        id INTEGER PRIMARY KEY,
        scope TEXT NOT NULL CHECK (scope IN ('week', 'all')),
        week TEXT,
        requested_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        done_at INTEGER,
        deleted INTEGER CHECK (deleted >= 0),
        CHECK ((scope = 'week') = (week IS NOT NULL))
      ) STRICT;
      CREATE INDEX summary_revocations_due ON summary_revocations (next_attempt_at) WHERE done_at IS NULL;

      CREATE TABLE skipped_weeks (
        week TEXT PRIMARY KEY,
        skipped_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
