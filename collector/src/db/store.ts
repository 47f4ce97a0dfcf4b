/**
 * The collector's one store abstraction: the same SQL (PostgreSQL's dialect) runs on a real
 * PostgreSQL server through `pg` and on the embedded PGlite (PostgreSQL compiled to WASM).
 * Query modules take a `Queryable`, so they run inside or outside a transaction alike.
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted by the statement. */
  rowCount: number;
}

export interface Queryable {
  /** One statement; every value through `$1`-style placeholders, never string-built. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
