/**
 * The migration runner on both stores: every step applied once (also when run again), a
 * database from a newer collector refused, and an anonymous row with a name refused by the
 * schema itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DatabaseFromTheFutureError, migrate } from '../../collector/src/db/migrate';
import { MIGRATIONS } from '../../collector/src/db/migrations';
import { openTestStore, STORE_KINDS, type TestStore } from './support/stores';

describe.each(STORE_KINDS)('collector migrations on %s', (kind) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(kind);
  });
  afterEach(() => store.dispose());

  it('applies every step once, and running again changes nothing', async () => {
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(await migrate(store.db)).toEqual(versions);
    const { rows } = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBe(versions.length);
  });

  it('refuses a database from a newer collector', async () => {
    await store.db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
    await expect(migrate(store.db)).rejects.toThrow(DatabaseFromTheFutureError);
  });

  it('refuses migrations listed out of order', async () => {
    const [first, second] = MIGRATIONS;
    if (!first || !second) throw new Error('expected at least two migrations');
    await expect(migrate(store.db, [second, first])).rejects.toThrow(/ascending/);
  });

  it('the schema refuses an anonymous summary with a name, and a named one without', async () => {
    const team = '00000000-0000-4000-8000-000000000001';
    const install = '00000000-0000-4000-8000-000000000002';
    await store.db.query("INSERT INTO teams (id, name, created_at) VALUES ($1, 'T', now())", [team]);
    await store.db.query(
      "INSERT INTO installs (id, team_id, label, token_sha256, enrolled_at) VALUES ($1, $2, 'x', 'h', now())",
      [install, team],
    );
    const insert = (consent: string, name: string | null) =>
      store.db.query(
        `INSERT INTO weekly_summaries (install_id, week, team_id, week_start, payload_version, consent, agent_name,
           calls_handled, abusive_total, proud_marks, breaks_taken, break_minutes, breaks_extended,
           breaks_ended_early, reflections_completed, median_mood, check_in_requested, body_sha256, received_at)
         VALUES ($1, '2026-W47', $2, '2026-11-16', 1, $3, $4, 0, 0, 0, 0, 0, 0, 0, 0, NULL, false, 'h', now())`,
        [install, team, consent, name],
      );
    await expect(insert('anonymous', 'Dana')).rejects.toThrow(/anonymous_has_no_name/);
    await expect(insert('named', null)).rejects.toThrow(/anonymous_has_no_name/);
    await expect(insert('anonymous', null)).resolves.toBeDefined();
  });
});
