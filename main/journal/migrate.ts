/**
 * Brings a journal up to the latest schema: every pending step in one transaction, then
 * PRAGMA user_version. A journal from a newer Steadyline is refused and left untouched.
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
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      logger.info({ version: migration.version }, `journal migrated: ${migration.name}`);
    }
    db.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest };
}
