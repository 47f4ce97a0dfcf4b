/** The store on a PostgreSQL server, through a `pg` connection pool. */
import pg from 'pg';

import type { Db, Queryable, QueryResult } from './store';

export interface PostgresOptions {
  /** `postgres://user@host:port/db`, or with `?host=/run/postgresql` for a unix socket. */
  connectionString: string;
  /** Pool size per collector process. */
  max?: number;
  /**
   * An idle pooled connection failed (the server restarted, or an admin ended it): the pool has
   * already dropped it and opens a new one for the next query. Without a listener, pg would
   * throw this out of the process.
   */
  onIdleClientError?: (error: Error) => void;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
  };
}

export function openPostgres(options: PostgresOptions): Db {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  pool.on('error', (error) => options.onIdleClientError?.(error));
  const base = queryable(pool);
  return {
    kind: 'postgres',
    query: base.query,
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await work(queryable(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
