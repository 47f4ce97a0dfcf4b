/**
 * Opens the agent's journal. A damaged or unreadable file is moved aside (never deleted) and a
 * fresh journal is started, so the phone always works; the caller tells the agent where the old
 * file went. A journal from a newer Steadyline is refused, untouched.
 */
import { existsSync, renameSync } from 'node:fs';

import Database from 'better-sqlite3';

import type { Logger } from '../logging/logger';

import { JournalTooNewError, migrate } from './migrate';

export interface JournalRecovery {
  movedTo: string;
  reason: string;
}

export interface OpenedJournal {
  db: Database.Database;
  recovered: JournalRecovery | null;
  /** Moves committed pages from the WAL into the database without blocking writers. */
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

export function openJournal({
  file,
  nativeBinding,
  logger,
  now = Date.now,
}: OpenJournalOptions): OpenedJournal {
  const open = () => configure(new Database(file, nativeBinding ? { nativeBinding } : {}), logger);
  let recovered: JournalRecovery | null = null;
  let db: Database.Database;
  try {
    db = open();
  } catch (error) {
    if (error instanceof JournalTooNewError) throw error;
    recovered = moveAside(file, error, now());
    logger.error(
      { movedTo: recovered.movedTo, reason: recovered.reason },
      'journal was damaged; started a new one',
    );
    db = open();
  }
  return {
    db,
    recovered,
    checkpoint: () => void db.pragma('wal_checkpoint(PASSIVE)'),
    close: () => db.close(),
  };
}

function configure(db: Database.Database, logger: Logger): Database.Database {
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    // WAL with synchronous=NORMAL survives a crash of the process (what the durability test
    // kills); only a power cut can lose the last transactions, never corrupt the file.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    // Checkpoints are the slow part of a write (they fsync the main file). Let the WAL grow to
    // ~40 MB before SQLite checkpoints by itself; the core checkpoints when idle (checkpoint()).
    db.pragma('wal_autocheckpoint = 10000');
    migrate(db, logger);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function moveAside(file: string, error: unknown, at: number): JournalRecovery {
  const movedTo = `${file}.corrupt-${at}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
  }
  return { movedTo, reason: error instanceof Error ? error.message : String(error) };
}
