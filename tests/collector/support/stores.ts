/**
 * The two stores every collector test runs on: the embedded PGlite and the real PostgreSQL
 * server from global-setup.ts (a fresh database per call, dropped by `dispose`).
 */
import { randomBytes } from 'node:crypto';

import pg from 'pg';
import { inject } from 'vitest';

import { migrate } from '../../../collector/src/db/migrate';
import { openPglite } from '../../../collector/src/db/pglite';
import { openPostgres } from '../../../collector/src/db/postgres';
import type { Db } from '../../../collector/src/db/store';

export type StoreKind = 'pglite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['pglite', 'postgres'];

export interface TestStore {
  db: Db;
  /** For PostgreSQL: the test database's connection string (a second process can use it). */
  url: string | null;
  dispose(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty PostgreSQL database on the test server; returns its connection string. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `collector_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

let template: Promise<Blob> | null = null;

/** A migrated, empty PGlite database, made once per test worker: copies start in a second, not ten. */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const db = await openPglite();
    await migrate(db);
    const dump = await db.dump();
    await db.close();
    return dump;
  })();
  return template;
}

/** A migrated, empty store of the given kind. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const db = await openPglite({ from: await pgliteTemplate() });
    await migrate(db);
    return { db, url: null, dispose: () => db.close() };
  }
  const database = await createTestDatabase();
  const db = openPostgres({ connectionString: database.url });
  await migrate(db);
  return {
    db,
    url: database.url,
    dispose: async () => {
      await db.close();
      await database.drop();
    },
  };
}
