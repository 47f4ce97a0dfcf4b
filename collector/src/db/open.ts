/**
 * Opens the store the environment asks for and brings its schema up to date: PostgreSQL when a
 * connection string is given, else the embedded PGlite in a data directory, which one process
 * holds at a time (a lock file with its pid; a stale lock from a killed process is taken over).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Db } from './store';

export interface StoreLocation {
  databaseUrl?: string;
  dataDir: string;
  /** Told when an idle PostgreSQL connection failed (the pool replaces it). */
  onIdleClientError?: (error: Error) => void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = join(dataDir, 'collector.lock');
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lock, 'utf8'));
    if (holder !== process.pid && isAlive(holder)) {
      throw new Error(`The data directory ${dataDir} is in use by process ${holder}; stop it first.`);
    }
    writeFileSync(lock, String(process.pid));
  }
  return () => rmSync(lock, { force: true });
}

export async function openStore(location: StoreLocation): Promise<Db> {
  let db: Db;
  if (location.databaseUrl) {
    db = openPostgres({
      connectionString: location.databaseUrl,
      ...(location.onIdleClientError ? { onIdleClientError: location.onIdleClientError } : {}),
    });
  } else {
    const unlock = lockDataDir(location.dataDir);
    const lite = await openPglite({ dataDir: join(location.dataDir, 'pgdata') }).catch((error: unknown) => {
      unlock();
      throw error;
    });
    db = { ...lite, close: () => lite.close().finally(unlock) };
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
