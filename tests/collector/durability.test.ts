/**
 * The embedded store's durability, with the journal's pattern (tests/node/journal/durability):
 * the real collector process on PGlite is killed with SIGKILL while weeks are being put, again
 * and again on the same data directory; every week it acknowledged (200) must be there after.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { openStore } from '../../collector/src/db/open';
import { createTeam } from '../../collector/src/teams';
import { startCollectorProcess } from './support/collector-process';
import { weekSummary } from './support/summaries';

const ROUNDS = 8;

/** Past ISO weeks, distinct: 2001-W01 ... (one install can hold them all). */
function* pastWeeks(): Generator<string> {
  for (let year = 2001; year < 2026; year += 1) {
    for (let week = 1; week <= 52; week += 1) yield `${year}-W${String(week).padStart(2, '0')}`;
  }
}

describe('embedded store durability (PGlite)', () => {
  it(
    `keeps every acknowledged week through ${ROUNDS} SIGKILLs of the collector`,
    { timeout: 300_000 },
    async () => {
      const dataDir = join(mkdtempSync(join(tmpdir(), 'collector-durable-')), 'data');
      const setup = await openStore({ dataDir });
      const team = await createTeam(setup, 'Durable', new Date());
      await setup.close();
      const env = { COLLECTOR_DATA_DIR: dataDir, COLLECTOR_RATE_LIMIT_MAX: '1000000' };

      const first = await startCollectorProcess(env);
      const enrolled = await fetch(`${first.url}/api/v1/enrollments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: team.code, installLabel: 'PC' }),
      });
      const { token } = (await enrolled.json()) as { token: string };
      await first.stop('SIGKILL');

      const weeks = pastWeeks();
      const acknowledged: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const collector = await startCollectorProcess(env);
        // Killed once a random number of weeks was acknowledged, while other writers' puts are in
        // flight: a count, not a time, so a busy machine changes nothing.
        const killAfter = 2 + Math.floor(Math.random() * 25);
        const acknowledgedBefore = acknowledged.length;
        let killed = false;
        const writer = async (): Promise<void> => {
          for (let next = weeks.next(); !next.done && !killed; next = weeks.next()) {
            const week = next.value;
            const response = await fetch(`${collector.url}/api/v1/weeks/${week}`, {
              method: 'PUT',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify(weekSummary(week)),
            }).catch(() => null);
            if (response?.status === 200) acknowledged.push(week);
            if (acknowledged.length >= acknowledgedBefore + killAfter && !killed) {
              killed = true;
              collector.child.kill('SIGKILL');
            }
          }
        };
        await Promise.all([writer(), writer(), writer(), writer()]);
        await collector.exited;
      }

      const db = await openStore({ dataDir });
      const { rows } = await db.query<{ week: string }>('SELECT week FROM weekly_summaries');
      const present = new Set(rows.map((row) => row.week));
      expect(acknowledged.filter((week) => !present.has(week))).toEqual([]);
      const { rows: abuse } = await db.query<{ n: number }>(
        'SELECT count(DISTINCT week)::int AS n FROM summary_abuse',
      );
      expect(abuse[0]?.n).toBe(present.size);
      await db.close();
      expect(acknowledged.length).toBeGreaterThanOrEqual(2 * ROUNDS);
    },
  );
});
