/**
 * Applies the numbered migrations (./migrations) in order, each in its own transaction under an
 * advisory lock, so two collectors starting at once against one PostgreSQL apply each step once.
 * Refuses a database written by a newer collector.
 */
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations';
import type { Db, Queryable } from './store';

/** Any constant: the key of the advisory lock the migration runner holds. */
const MIGRATION_LOCK = 7_352_001;

export class DatabaseFromTheFutureError extends Error {
  constructor(found: number, known: number) {
    super(
      `The database has schema version ${found}; this collector knows up to ${known}. Upgrade the collector.`,
    );
  }
}

async function appliedVersions(tx: Queryable): Promise<Set<number>> {
  const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((row) => row.version));
}

/** Brings the schema up to date; returns the versions now applied, ascending. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const versions = migrations.map((migration) => migration.version);
  if (versions.some((version, index) => index > 0 && version <= (versions[index - 1] ?? 0))) {
    throw new Error('Migrations must be listed in ascending version order, each number once.');
  }
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version integer PRIMARY KEY,
       name text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
  const known = Math.max(0, ...versions);
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const applied = await appliedVersions(tx);
      const newest = Math.max(0, ...applied);
      if (newest > known) throw new DatabaseFromTheFutureError(newest, known);
      if (applied.has(migration.version)) return;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
  }
  const applied = [...(await appliedVersions(db))].sort((a, b) => a - b);
  const newest = Math.max(0, ...applied);
  if (newest > known) throw new DatabaseFromTheFutureError(newest, known);
  return applied;
}
