/**
 * The journal's idle-time housekeeping: copy the WAL into the database file, then start the WAL
 * afresh while nobody is waiting. The first commit into a restarted WAL must fsync the WAL header
 * (https://sqlite.org/src/info/ff5be73dee); done here, that fsync never lands on a call's record.
 */
import type Database from 'better-sqlite3';

import { schemaVersion } from './migrate';

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** Checkpoints without blocking; restarts the WAL only if every frame reached the database. */
export function checkpointWhileIdle(db: Database.Database): void {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
  if (!result || result.busy !== 0 || result.log === 0 || result.checkpointed < result.log) return;
  // The smallest real write: page 1 rewritten with the schema version it already holds.
  db.pragma(`user_version = ${schemaVersion(db)}`);
}
