import type Database from 'better-sqlite3';

/** One numbered schema step. `up` runs inside the runner's transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
