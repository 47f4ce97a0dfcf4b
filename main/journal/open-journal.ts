/**
 * Opens the agent's journal. A damaged or unreadable file is moved aside (never deleted) and a
 * fresh journal is started, so the phone always works; the caller tells the agent where the old
 * file went. A journal from a newer Steadyline is refused, untouched. Calls and breaks a crash
 * left open are closed as 'interrupted' (crash-recovery.ts).
 */
import { existsSync } from 'node:fs';

import Database from 'better-sqlite3';

import type { Logger } from '../logging/logger';

import { checkpointWhileIdle } from './checkpoint';
import { closeInterrupted, type CrashRecovery } from './crash-recovery';
import { isDamage, JournalDamagedError, moveAside, type JournalRecovery } from './journal-damage';
import { migrate, refuseNewer } from './migrate';

export type { JournalRecovery } from './journal-damage';
export { JournalTooNewError } from './migrate';

export interface OpenedJournal {
  db: Database.Database;
  recovered: JournalRecovery | null;
  /** What a crash had left open and this start closed as 'interrupted'. */
  interrupted: CrashRecovery;
  /** Idle-time housekeeping: moves the WAL into the database and restarts it (see checkpoint.ts). */
  checkpoint(): void;
  close(): void;
}

export interface OpenJournalOptions {
  file: string;
  /** A better-sqlite3 binary for this runtime's ABI (Electron in development); default: node_modules'. */
  nativeBinding?: string;
  logger: Logger;
  now?: () => number;
}

/**
 * Opens (or creates) the journal at `file` and brings it to the latest schema.
 * Throws `JournalTooNewError` for a journal from a newer Steadyline (left untouched), and any
 * error that is not damage (e.g. a missing native module) without moving the file.
 */
export function openJournal({
  file,
  nativeBinding,
  logger,
  now = Date.now,
}: OpenJournalOptions): OpenedJournal {
  const options: Database.Options = nativeBinding ? { nativeBinding } : {};
  try {
    return { ...openAndMigrate(file, options, logger), recovered: null };
  } catch (error) {
    if (!isDamage(error)) throw error;
    const recovered = moveAside(file, error, now());
    logger.error(
      { movedTo: recovered.movedTo, reason: recovered.reason },
      'journal was damaged; moved it aside and started a new one',
    );
    return { ...openAndMigrate(file, options, logger), recovered };
  }
}

function openAndMigrate(file: string, options: Database.Options, logger: Logger) {
  inspect(file, options);
  const db = new Database(file, options);
  let interrupted: CrashRecovery;
  try {
    configure(db);
    migrate(db, logger);
    interrupted = closeInterrupted(db);
  } catch (error) {
    db.close();
    throw error;
  }
  if (interrupted.calls + interrupted.breaks > 0) {
    logger.warn(interrupted, 'closed calls and breaks left open by a crash as interrupted');
  }
  return {
    db,
    interrupted,
    checkpoint: () => checkpointWhileIdle(db),
    close: () => db.close(),
  };
}

/**
 * Reads an existing file through once on a read-only connection. Read-only, because closing a
 * writable connection checkpoints and deletes the -wal file: a damaged journal must reach
 * `.corrupt-*` exactly as it was, and a newer one must stay untouched.
 */
function inspect(file: string, options: Database.Options): void {
  if (!existsSync(file)) return;
  const db = new Database(file, { ...options, readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new JournalDamagedError(String(check));
    refuseNewer(db);
  } finally {
    db.close();
  }
}

function configure(db: Database.Database): void {
  // WAL with synchronous=NORMAL: a commit is durable as soon as it is in the WAL file, so a
  // crash or kill of the process (what the durability test does) loses nothing; only a power
  // cut or OS crash can lose the last transactions, and never corrupts the file
  // (https://sqlite.org/pragma.html#pragma_synchronous). FULL would fsync every commit.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  // A checkpoint (copying the WAL into the file, with two fsyncs) is the one slow part of a
  // write. The core checkpoints on an idle timer (checkpoint()); SQLite's own autocheckpoint
  // stays as a safety net at ~40 MB, and the WAL file is cut back to 8 MB after it is reused.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma(`journal_size_limit = ${8 * 1024 * 1024}`);
}
