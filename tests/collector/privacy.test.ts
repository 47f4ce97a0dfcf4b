/**
 * The privacy attack, on both stores: with k = 5, four anonymous contributors give a lead
 * nothing for that week, five give totals only; once a week has closed its figures are frozen,
 * so a revocation or a late arrival cannot subtract one agent out. Named rows reach only the
 * leads of that agent's team, and never subtract an anonymous agent out either.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { parseCollectorConfig } from '../../collector/src/config';
import {
  addLead,
  createTeam,
  namedSummariesForLead,
  revokeInstall,
  teamFiguresForLead,
} from '../../collector/src/teams';
import { startTestCollector, TEST_NOW, type TestCollector } from './support/harness';
import { STORE_KINDS } from './support/stores';
import { weekSummary } from './support/summaries';

const WEEK = '2026-W47';

describe.each(STORE_KINDS)('privacy of team figures on %s', (kind) => {
  let collector: TestCollector;
  let leadId: string;
  beforeEach(async () => {
    collector = await startTestCollector(kind, { k: 5, enrollRateLimitMax: 100 });
    leadId = await addLead(collector.store.db, {
      username: 'lead.one',
      displayName: 'Lead One',
      teamId: collector.team.id,
      now: new Date(TEST_NOW),
    });
  });
  afterEach(() => collector.close());

  const figures = (lead = leadId, teamId = collector.team.id) =>
    teamFiguresForLead(collector, { leadId: lead, teamId, weeks: [WEEK] });
  const named = (lead = leadId) =>
    namedSummariesForLead(collector, { leadId: lead, teamId: collector.team.id, weeks: [WEEK] });

  async function contribute(
    anonymous: number,
    withName = 0,
  ): Promise<Array<{ token: string; installId: string }>> {
    const installs = [];
    for (let index = 0; index < anonymous + withName; index += 1) {
      const install = await collector.enroll(undefined, `PC-${index}`);
      const summary =
        index < anonymous
          ? weekSummary(WEEK, { callsHandled: 10 + index, medianMoodAfterBreak: 1 + (index % 5) })
          : weekSummary(WEEK, { consent: 'named', agentName: `Agent ${index}`, checkInRequested: true });
      expect((await collector.putWeek(install.token, summary)).status).toBe(200);
      installs.push(install);
    }
    return installs;
  }

  function expectNothing(week: Awaited<ReturnType<typeof figures>>, status: 'open' | 'suppressed'): void {
    expect(week).toHaveLength(1);
    const { week: label, status: seen, ...values } = week?.[0] ?? { week: '', status: '' };
    expect({ label, seen }).toEqual({ label: WEEK, seen: status });
    expect(Object.values(values).every((value) => value === null)).toBe(true);
  }

  it('4 anonymous contributors with k = 5: nothing for that week, before or after it closes', async () => {
    await contribute(4);
    expectNothing(await figures(), 'open');
    await collector.passWeekClose();
    expectNothing(await figures(), 'suppressed');
    expect(await named()).toEqual([]);
  });

  it('5 anonymous contributors: totals only, and a revocation or late arrival after the close changes nothing', async () => {
    const installs = await contribute(5);
    expectNothing(await figures(), 'open');
    await collector.passWeekClose();
    const published = await figures();
    expect(published?.[0]).toMatchObject({
      status: 'published',
      contributors: 5,
      callsHandled: 10 + 11 + 12 + 13 + 14,
      abusiveTotal: 15,
      abusiveByCategory: expect.objectContaining({ shouting: 10, insults: 5, threats: 0 }),
      breaksTaken: 15,
      breakMinutes: 75,
      breaksExtended: 5,
      medianMoodAfterBreak: 3,
      anonymousCheckInRequests: 0,
    });
    expect(await named()).toEqual([]);
    // The agent revokes the week, IT revokes another install, a sixth agent shares late.
    const revoked = await collector.call('DELETE', `/api/v1/weeks/${WEEK}`, installs[0]?.token);
    expect(await revoked.json()).toMatchObject({ deleted: 1 });
    await revokeInstall(collector.store.db, installs[1]?.installId ?? '', new Date(collector.clock.now()));
    await contribute(1);
    expect(await figures()).toEqual(published);
  });

  it('4 anonymous + 1 named is 5 agents but stays suppressed: subtracting the named row would leave 4', async () => {
    await contribute(4, 1);
    await collector.passWeekClose();
    expectNothing(await figures(), 'suppressed');
    expect((await named()).map((row) => row.agentName)).toEqual(['Agent 4']);
  });

  it('1 anonymous + 4 named stays suppressed; 5 anonymous + 1 named publishes', async () => {
    await contribute(1, 4);
    await collector.passWeekClose();
    expectNothing(await figures(), 'suppressed');
    const other = await startTestCollector(kind, { k: 5 });
    try {
      const lead = await addLead(other.store.db, {
        username: 'l2',
        displayName: 'L',
        teamId: other.team.id,
        now: new Date(),
      });
      const six = [];
      for (let index = 0; index < 6; index += 1) six.push(await other.enroll(undefined, `P${index}`));
      for (const [index, install] of six.entries()) {
        const summary =
          index < 5
            ? weekSummary(WEEK, { checkInRequested: index < 2 })
            : weekSummary(WEEK, { consent: 'named', agentName: 'Noa' });
        await other.putWeek(install.token, summary);
      }
      await other.passWeekClose();
      const [week] =
        (await teamFiguresForLead(other, { leadId: lead, teamId: other.team.id, weeks: [WEEK] })) ?? [];
      expect(week).toMatchObject({ status: 'published', contributors: 6, anonymousCheckInRequests: 2 });
    } finally {
      await other.close();
    }
  });

  it("another team's lead gets nothing: no figures, no named rows", async () => {
    await contribute(5, 1);
    await collector.passWeekClose();
    const elsewhere = await createTeam(collector.store.db, 'Elsewhere', new Date());
    const stranger = await addLead(collector.store.db, {
      username: 'stranger',
      displayName: 'S',
      teamId: elsewhere.id,
      now: new Date(),
    });
    expect(await figures(stranger)).toBeNull();
    expect(await named(stranger)).toEqual([]);
    expect(await figures(leadId, elsewhere.id)).toBeNull();
  });

  it('a closed week nobody shared is frozen empty: five late arrivals never publish it', async () => {
    const early = await collector.enroll(undefined, 'EARLY');
    await collector.putWeek(early.token, weekSummary('2026-W45'));
    await contribute(5);
    await collector.passWeekClose();
    const weeks = ['2026-W45', '2026-W46', WEEK];
    const before = await teamFiguresForLead(collector, { leadId, teamId: collector.team.id, weeks });
    expect(before?.map((week) => week.status)).toEqual(['suppressed', 'suppressed', 'published']);
    for (let index = 0; index < 5; index += 1) {
      const { token } = await collector.enroll(undefined, `LATE-${index}`);
      expect((await collector.putWeek(token, weekSummary('2026-W46'))).status).toBe(200);
    }
    expect(await teamFiguresForLead(collector, { leadId, teamId: collector.team.id, weeks })).toEqual(before);
  });

  it('the frozen figures cannot be changed, not even with SQL', async () => {
    await contribute(5);
    await collector.passWeekClose();
    await figures();
    await expect(collector.store.db.query('UPDATE team_week_figures SET contributors = 4')).rejects.toThrow(
      /written once/,
    );
    await expect(collector.store.db.query('DELETE FROM frozen_weeks')).rejects.toThrow(/written once/);
  });

  it('k is at least 3: config refuses lower, and the SQL function treats a lower k as 3', async () => {
    expect(() => parseCollectorConfig({ k: 2 })).toThrow(/no further/);
    expect(parseCollectorConfig({ k: 3 }).k).toBe(3);
    await contribute(2);
    await collector.passWeekClose();
    await figures();
    const { rows } = await collector.store.db.query<{ status: string; contributors: number | null }>(
      'SELECT status, contributors FROM team_figures(1, $1, $2)',
      [collector.team.id, [WEEK]],
    );
    expect(rows).toEqual([{ status: 'suppressed', contributors: null }]);
  });
});

describe.each(STORE_KINDS)('k lowered to 3 on %s', (kind) => {
  it('3 anonymous contributors publish when IT set k = 3', async () => {
    const collector = await startTestCollector(kind, { k: 3 });
    try {
      const leadId = await addLead(collector.store.db, {
        username: 'l3',
        displayName: 'L',
        teamId: collector.team.id,
        now: new Date(),
      });
      for (let index = 0; index < 3; index += 1) {
        const { token } = await collector.enroll(undefined, `P${index}`);
        await collector.putWeek(token, weekSummary(WEEK));
      }
      await collector.passWeekClose();
      const [week] =
        (await teamFiguresForLead(collector, { leadId, teamId: collector.team.id, weeks: [WEEK] })) ?? [];
      expect(week).toMatchObject({ status: 'published', contributors: 3 });
    } finally {
      await collector.close();
    }
  });
});
