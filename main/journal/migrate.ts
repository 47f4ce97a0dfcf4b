/**
 * Brings a journal up to the latest schema: every pending step in one transaction, then
 * PRAGMA user_version. A journal from a newer Steadyline is refused and left untouched.
 * Foreign keys are off while the steps run (a step may rebuild a table, and SQLite's DROP TABLE
 * would otherwise cascade into the rows that refer to it); every reference is checked before
 * the transaction commits.
 */
import type Database from 'better-sqlite3';

import type { Logger } from '../logging/logger';

import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

export class JournalTooNewError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `This journal was written by a newer version of Steadyline (schema ${found}, this version knows ${known}). ` +
        `Update Steadyline; the file was left untouched: ${file}`,
    );
    this.name = 'JournalTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws before anything is written if the journal comes from a newer Steadyline. */
export function refuseNewer(db: Database.Database, known: number = MIGRATIONS.length): void {
  const found = schemaVersion(db);
  if (found > known) throw new JournalTooNewError(db.name, found, known);
}

export function migrate(
  db: Database.Database,
  logger: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const latest = migrations.length;
  refuseNewer(db, latest);
  const from = schemaVersion(db);
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return { from, to: from };
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) {
        migration.up(db);
        logger.info({ version: migration.version }, `journal migrated: ${migration.name}`);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`journal migration left ${broken.length} broken references`);
      db.pragma(`user_version = ${latest}`);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return { from, to: latest };
}
