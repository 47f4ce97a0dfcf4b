/** One numbered schema step: statements run in order in one transaction (see ../migrate.ts). */
export interface Migration {
  /** The file's number: 1 for 001-..., kept in schema_migrations. Numbers may leave gaps. */
  version: number;
  /** Short name recorded in schema_migrations. */
  name: string;
  /** One SQL statement each (PGlite's extended protocol takes one statement per query). */
  statements: readonly string[];
}
