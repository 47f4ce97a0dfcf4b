/**
 * The embedded store: PGlite, PostgreSQL compiled to WASM, in one data directory (or in memory
 * for tests). One process owns a data directory at a time. Durability stays on (PGlite's
 * `relaxedDurability` is false): a statement is acknowledged only once it reached the files,
 * which tests/collector/durability.test.ts proves with SIGKILL.
 */
import { PGlite } from '@electric-sql/pglite';

import type { Db, QueryResult } from './store';

export interface PgliteOptions {
  /** A directory for the database files; omit for an in-memory database (tests). */
  dataDir?: string;
  /** Start from a copy of another database (PGlite's dumpDataDir), e.g. a migrated template. */
  from?: Blob;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Db & { dump(): Promise<Blob> }> {
  const lite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.from ? { loadDataDir: options.from } : {}),
  });
  const run = async <R>(
    target: Pick<PGlite, 'query'>,
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<QueryResult<R>> => {
    const result = await target.query<R>(sql, params as unknown[]);
    return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
  };
  return {
    kind: 'pglite',
    query: (sql, params) => run(lite, sql, params),
    async exec(sql) {
      await lite.exec(sql);
    },
    transaction: (work) => lite.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params) })),
    close: () => lite.close(),
    dump: () => lite.dumpDataDir('none'),
  };
}
