/**
 * Payload v2's warnings played (issue 15), on both stores: v1 is still accepted and stored as
 * "not known" (NULL), v2 with its count; the team figure obeys the same k rule as every other
 * figure (server-side, in team_figures); a week in which any contributor sent v1 has no team
 * figure at all (null), so total minus named rows can never isolate fewer than k anonymous
 * agents' warnings; named rows carry their own figure; the dashboard's table and CSV show it.
 */
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { tablesToCsv } from '../../collector/dashboard/src/csv';
import en from '../../collector/dashboard/src/en.json';
import he from '../../collector/dashboard/src/he.json';
import { namedTable, weeksTable } from '../../collector/dashboard/src/screen';
import type { NamedRows, TeamWeeks } from '../../collector/src/dashboard-api/schemas';
import { migrate } from '../../collector/src/db/migrate';
import { MIGRATIONS } from '../../collector/src/db/migrations';
import { openPglite } from '../../collector/src/db/pglite';
import { openPostgres } from '../../collector/src/db/postgres';
import type { Db } from '../../collector/src/db/store';
import { addLead, namedSummariesForLead, teamFiguresForLead } from '../../collector/src/teams';
import type { WeeklySummaryPayload } from '../../preload/schemas/team-summary';
import { createLead, leadClient } from './dashboard/support';
import { startTestCollector, TEST_NOW, type TestCollector } from './support/harness';
import { createTestDatabase, STORE_KINDS } from './support/stores';
import { weekSummary, weekSummaryV2 } from './support/summaries';

const WEEK = '2026-W47';

describe.each(STORE_KINDS)('warnings played on %s', (kind) => {
  let collector: TestCollector;
  let leadId: string;
  beforeEach(async () => {
    collector = await startTestCollector(kind, { k: 5, enrollRateLimitMax: 1000 });
    leadId = await addLead(collector.store.db, {
      username: 'lead.w',
      displayName: 'Lead W',
      teamId: collector.team.id,
      now: new Date(TEST_NOW),
    });
  });
  afterEach(() => collector.close());

  async function shareAll(summaries: WeeklySummaryPayload[]): Promise<void> {
    for (const [index, summary] of summaries.entries()) {
      const { token } = await collector.enroll(undefined, `PC-${index}`);
      const response = await collector.putWeek(token, summary);
      expect(response.status, await response.clone().text()).toBe(200);
    }
  }
  const anonymousV2 = (counts: number[]) => counts.map((count) => weekSummaryV2(WEEK, count));
  const namedV2 = (name: string, count: number) =>
    weekSummaryV2(WEEK, count, { consent: 'named', agentName: name });
  const team = async () =>
    (await teamFiguresForLead(collector, { leadId, teamId: collector.team.id, weeks: [WEEK] }))?.[0];
  const named = () => namedSummariesForLead(collector, { leadId, teamId: collector.team.id, weeks: [WEEK] });

  it('stores v1 as not known and v2 with its count; a re-share as v2 replaces it', async () => {
    const { token } = await collector.enroll(undefined, 'OLD-APP');
    expect((await collector.putWeek(token, weekSummary(WEEK))).status).toBe(200);
    const stored = async () =>
      (
        await collector.store.db.query<{ payload_version: number; warnings_played: number | null }>(
          'SELECT payload_version, warnings_played FROM weekly_summaries',
        )
      ).rows;
    expect(await stored()).toEqual([{ payload_version: 1, warnings_played: null }]);
    expect((await collector.putWeek(token, weekSummaryV2(WEEK, 4))).status).toBe(200);
    expect(await stored()).toEqual([{ payload_version: 2, warnings_played: 4 }]);
    expect((await collector.putWeek(token, weekSummaryV2(WEEK, 0))).status).toBe(200);
    expect(await stored()).toEqual([{ payload_version: 2, warnings_played: 0 }]);
  });

  it('the schema itself refuses a v1 row with a count and a v2 row without one, or a negative one', async () => {
    const { installId } = await collector.enroll(undefined, 'SQL');
    const insert = (version: number, warnings: number | null) =>
      collector.store.db.query(
        `INSERT INTO weekly_summaries (install_id, week, team_id, week_start, payload_version, consent,
           calls_handled, abusive_total, proud_marks, breaks_taken, break_minutes, breaks_extended,
           breaks_ended_early, reflections_completed, median_mood, check_in_requested, body_sha256,
           received_at, warnings_played)
         VALUES ($1, $2, $3, '2026-11-16', $4, 'anonymous', 0, 0, 0, 0, 0, 0, 0, 0, NULL, false, 'h', now(), $5)`,
        [installId, WEEK, collector.team.id, version, warnings],
      );
    await expect(insert(1, 3)).rejects.toThrow(/warnings_played_from_v2/);
    await expect(insert(2, null)).rejects.toThrow(/warnings_played_from_v2/);
    await expect(insert(2, -1)).rejects.toThrow(/warnings_played_not_negative/);
    await expect(insert(2, 3)).resolves.toBeDefined();
  });

  it('4 anonymous v2 contributors with k = 5: no warnings figure, open or closed', async () => {
    await shareAll(anonymousV2([1, 2, 3, 4]));
    expect(await team()).toMatchObject({ status: 'open', warningsPlayed: null });
    await collector.passWeekClose();
    expect(await team()).toMatchObject({ status: 'suppressed', contributors: null, warningsPlayed: null });
  });

  it('5 anonymous v2 contributors: the team total only; frozen, so a revocation changes nothing', async () => {
    await shareAll(anonymousV2([0, 1, 2, 3, 7]));
    await collector.passWeekClose();
    const published = await team();
    expect(published).toMatchObject({ status: 'published', contributors: 5, warningsPlayed: 13 });
    expect(await named()).toEqual([]);
    const { rows } = await collector.store.db.query<{ install_id: string }>(
      'SELECT install_id FROM weekly_summaries LIMIT 1',
    );
    await collector.store.db.query('DELETE FROM weekly_summaries WHERE install_id = $1', [
      rows[0]?.install_id,
    ]);
    expect(await team()).toEqual(published);
  });

  it('4 anonymous + 1 named (all v2): suppressed, so the named row cannot be subtracted from a total', async () => {
    await shareAll([...anonymousV2([2, 2, 2, 2]), namedV2('Noa', 5)]);
    await collector.passWeekClose();
    expect(await team()).toMatchObject({ status: 'suppressed', warningsPlayed: null });
    expect((await named()).map((row) => [row.agentName, row.warningsPlayed])).toEqual([['Noa', 5]]);
  });

  it('5 anonymous + 1 named (all v2): total minus the named row is the sum of 5 anonymous agents, never one', async () => {
    await shareAll([...anonymousV2([1, 0, 4, 2, 3]), namedV2('Noa', 6)]);
    await collector.passWeekClose();
    const week = await team();
    expect(week).toMatchObject({ status: 'published', contributors: 6, warningsPlayed: 16 });
    const namedRows = await named();
    expect(namedRows.map((row) => row.warningsPlayed)).toEqual([6]);
    // What a lead can subtract: 16 - 6 = 10, the five anonymous agents together.
    expect(
      Number(week?.warningsPlayed) - namedRows.reduce((sum, row) => sum + Number(row.warningsPlayed), 0),
    ).toBe(10);
  });

  it('a week with any v1 contributor has no team warnings figure (not a partial sum), the rest is published', async () => {
    // 4 anonymous v2 + 1 anonymous v1 + 1 named v2: 5 anonymous, so the week publishes. A sum over
    // only the v2 reporters, minus Noa's row, would be 4 anonymous agents' warnings: below k.
    await shareAll([...anonymousV2([1, 1, 1, 1]), weekSummary(WEEK), namedV2('Noa', 3)]);
    await collector.passWeekClose();
    expect(await team()).toMatchObject({
      status: 'published',
      contributors: 6,
      callsHandled: 240,
      warningsPlayed: null,
    });
    expect((await named()).map((row) => row.warningsPlayed)).toEqual([3]);
  });

  it('a named agent on an older app (v1) has a not-known figure in their row', async () => {
    await shareAll([weekSummary(WEEK, { consent: 'named', agentName: 'Old Ori' }), namedV2('Noa', 2)]);
    expect((await named()).map((row) => [row.agentName, row.warningsPlayed])).toEqual([
      ['Noa', 2],
      ['Old Ori', null],
    ]);
  });

  it("the dashboard's API, table and CSV carry the column: a number, or not known", async () => {
    await createLead(collector, 'dana');
    const dana = leadClient(collector);
    await shareAll([...anonymousV2([1, 2, 3, 4, 5]), namedV2('Noa', 2), namedV2('Ada', 0)]);
    await shareAll([
      weekSummary('2026-W46'),
      ...Array.from({ length: 4 }, () => weekSummaryV2('2026-W46', 9)),
    ]);
    await collector.passWeekClose();
    await dana.signIn('dana');
    const base = `/api/dashboard/v1/teams/${collector.team.id}`;
    const weeks = (await (await dana.request('GET', `${base}/weeks`)).json()) as TeamWeeks;
    const namedRows = (await (await dana.request('GET', `${base}/named`)).json()) as NamedRows;
    const shown = (week: string) => weeks.weeks.find((w) => w.week === week);
    expect(shown(WEEK)).toMatchObject({ status: 'shown', figures: { warningsPlayed: 17 } });
    expect(shown('2026-W46')).toMatchObject({ status: 'shown', figures: { warningsPlayed: null } });
    expect(namedRows.rows.map((row) => [row.agentName, row.figures.warningsPlayed])).toEqual([
      ['Ada', 0],
      ['Noa', 2],
    ]);

    for (const [language, translation, header, unknown] of [
      ['en', en, 'Warnings played', 'not known'],
      ['he', he, 'אזהרות שהושמעו', 'לא ידוע'],
    ] as const) {
      const i18n = i18next.createInstance();
      await i18n.init({
        resources: { [language]: { translation } },
        lng: language,
        showSupportNotice: false,
      });
      const fmt = { t: i18n.t, language };
      const table = weeksTable(weeks, fmt);
      const column = table.headers.indexOf(header);
      expect(column).toBeGreaterThan(0);
      const cell = (week: string) => table.rows.find((row) => row.key === week)?.cells[column];
      expect(cell(WEEK)).toBe(new Intl.NumberFormat(language).format(17));
      expect(cell('2026-W46')).toBe(unknown);
      const namedScreen = namedTable(namedRows, fmt);
      const namedColumn = namedScreen.headers.indexOf(header);
      expect(namedScreen.rows.map((row) => row.cells[namedColumn])).toEqual(['0', '2']);
      const csv = tablesToCsv([table, namedScreen]).split('\r\n');
      expect(csv.filter((line) => line.includes(header))).toHaveLength(2);
      expect(csv.find((line) => line.startsWith('2026-W46'))).toContain(unknown);
    }
  });
});

/** An empty, unmigrated store: the collector as it was before migration 007 is built on it. */
async function openEmptyStore(
  kind: (typeof STORE_KINDS)[number],
): Promise<{ db: Db; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPglite();
    return { db, dispose: () => db.close() };
  }
  const database = await createTestDatabase();
  const db = openPostgres({ connectionString: database.url });
  return {
    db,
    dispose: async () => {
      await db.close();
      await database.drop();
    },
  };
}

describe.each(STORE_KINDS)('migration 007 over a collector already in use, on %s', (kind) => {
  it(
    'keeps frozen weeks write-once, reads them and stored v1 rows as not known',
    { timeout: 60_000 },
    async () => {
      const store = await openEmptyStore(kind);
      try {
        const db = store.db;
        await migrate(
          db,
          MIGRATIONS.filter((migration) => migration.version < 7),
        );
        const team = '00000000-0000-4000-8000-000000000001';
        await db.query("INSERT INTO teams (id, name, created_at) VALUES ($1, 'T', now())", [team]);
        const installs = ['a', 'b', 'c'].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
        for (const install of installs) {
          await db.query(
            "INSERT INTO installs (id, team_id, label, token_sha256, enrolled_at) VALUES ($1, $2, 'x', $3, now())",
            [install, team, `token-${install}`],
          );
          await db.query(
            `INSERT INTO weekly_summaries (install_id, week, team_id, week_start, payload_version, consent,
             calls_handled, abusive_total, proud_marks, breaks_taken, break_minutes, breaks_extended,
             breaks_ended_early, reflections_completed, median_mood, check_in_requested, body_sha256, received_at)
           VALUES ($1, '2026-W40', $2, '2026-09-28', 1, 'anonymous', 5, 0, 0, 0, 0, 0, 0, 0, NULL, false, 'h', now())`,
            [install, team],
          );
        }
        await db.query(
          "INSERT INTO frozen_weeks (week, week_start, frozen_at) VALUES ('2026-W40', '2026-09-28', now())",
        );
        await db.query(
          `INSERT INTO team_week_figures (team_id, week, contributors, anonymous_contributors, calls_handled,
           abusive_total, proud_marks, breaks_taken, break_minutes, breaks_extended, breaks_ended_early,
           reflections_completed, median_mood, check_in_requests_anonymous)
         VALUES ($1, '2026-W40', 3, 3, 15, 0, 0, 0, 0, 0, 0, 0, NULL, 0)`,
          [team],
        );
        const applied = async () =>
          (await db.query<{ v: number }>('SELECT max(version)::int AS v FROM schema_migrations')).rows[0]?.v;
        expect(await applied()).toBe(6);
        await migrate(db);
        expect(await applied()).toBe(7);
        const { rows } = await db.query<{
          status: string;
          calls_handled: number;
          warnings_played: number | null;
        }>('SELECT status, calls_handled, warnings_played FROM team_figures(3, $1, ARRAY[$2])', [
          team,
          '2026-W40',
        ]);
        expect(rows).toEqual([{ status: 'published', calls_handled: 15, warnings_played: null }]);
        const stored = await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM weekly_summaries WHERE warnings_played IS NULL',
        );
        expect(stored.rows[0]?.n).toBe(3);
        await expect(db.query('UPDATE team_week_figures SET warnings_played = 0')).rejects.toThrow(
          /written once/,
        );
      } finally {
        await store.dispose();
      }
    },
  );
});
