/**
 * The privacy attack of part 1, repeated through the dashboard's own routes: with 4 anonymous
 * contributors in a week and k = 5, nothing the lead can call gives a figure for that week (nor
 * does 4 anonymous + 1 named, which would let the named row be subtracted out); with 5 the lead
 * gets totals only; a revocation after the week closed does not change them.
 */
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { tablesToCsv } from '../../../collector/dashboard/src/csv';
import en from '../../../collector/dashboard/src/en.json';
import { checkInsTable, namedTable, weeksTable } from '../../../collector/dashboard/src/screen';
import type { CheckIns, NamedRows, TeamWeeks } from '../../../collector/src/dashboard-api/schemas';
import { startTestCollector, type TestCollector } from '../support/harness';
import { STORE_KINDS } from '../support/stores';
import { anonymous, createLead, leadClient, named, share, type LeadClient } from './support';

const WEEK = '2026-W47';

/** The CSV the page would export from these API answers (the page's own table and CSV code). */
async function exportedCsv(seen: {
  weeks: TeamWeeks;
  named: NamedRows;
  checkIns: CheckIns;
}): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en } }, lng: 'en', showSupportNotice: false });
  const fmt = { t: i18n.t, language: 'en' };
  return tablesToCsv([
    weeksTable(seen.weeks, fmt),
    namedTable(seen.named, fmt),
    checkInsTable(seen.checkIns, seen.weeks.k, fmt),
  ]);
}

describe.each(STORE_KINDS)('dashboard privacy on %s', (kind) => {
  let collector: TestCollector;
  let dana: LeadClient;
  beforeEach(async () => {
    collector = await startTestCollector(kind, { enrollRateLimitMax: 1000 });
    await createLead(collector, 'dana');
    dana = leadClient(collector);
  });
  afterEach(() => collector.close());

  async function read() {
    await dana.signIn('dana');
    const base = `/api/dashboard/v1/teams/${collector.team.id}`;
    const get = async <T>(path: string) => {
      const response = await dana.request('GET', `${base}${path}`);
      expect(response.status).toBe(200);
      return { json: (await response.json()) as T };
    };
    const weeks = (await get<TeamWeeks>('/weeks')).json;
    return {
      week: weeks.weeks.find((w) => w.week === WEEK),
      named: (await get<NamedRows>('/named')).json,
      checkIns: (await get<CheckIns>('/check-ins')).json,
      weeks,
    };
  }

  it('gives nothing for a week with 4 anonymous contributors (k = 5)', async () => {
    await share(
      collector,
      WEEK,
      anonymous(4, { checkInRequested: true, breaks: { taken: 9, minutes: 77, extended: 3, endedEarly: 0 } }),
    );
    await collector.passWeekClose(3); // Thursday 2026-11-26: W47 closed, the newest dashboard week
    const seen = await read();
    expect(seen.week).toEqual({ week: WEEK, status: 'suppressed' });
    expect(seen.named.rows).toEqual([]);
    expect(seen.checkIns.anonymousCount).toBeNull();
    expect(JSON.stringify(seen)).not.toMatch(/"(contributors|breakMinutes)":/);
    const csv = await exportedCsv(seen);
    const line = csv.split('\r\n').find((l) => l.startsWith(WEEK));
    expect(line).toBe(`${WEEK},Fewer than 5 agents shared this week`);
    expect(csv).not.toMatch(/\b(77|36)\b/); // 4 agents' break minutes and breaks
    expect(csv).toContain('Anonymous requests are counted only in weeks in which at least 5 agents shared.');
  });

  it('gives nothing for 4 anonymous + 1 named (the named row cannot be subtracted out)', async () => {
    await share(collector, WEEK, [...anonymous(4, { checkInRequested: true }), named('Agent Ada')]);
    await collector.passWeekClose(3); // Thursday 2026-11-26: W47 closed, the newest dashboard week
    const seen = await read();
    expect(seen.week).toEqual({ week: WEEK, status: 'suppressed' });
    expect(seen.named.rows.map((r) => r.agentName)).toEqual(['Agent Ada']);
    expect(seen.checkIns.anonymousCount).toBeNull();
    const csv = await exportedCsv(seen);
    expect(csv.split('\r\n').filter((l) => l.startsWith(WEEK))).toEqual([
      `${WEEK},Fewer than 5 agents shared this week`,
      expect.stringMatching(new RegExp(`^${WEEK},Agent Ada,`)),
    ]);
  });

  it('gives totals only for 5, and a revocation after the close changes nothing', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { token } = await collector.enroll(collector.team, `PC-${i}`);
      tokens.push(token);
    }
    const { weekSummary } = await import('../support/summaries');
    for (const [i, token] of tokens.entries()) {
      await collector.putWeek(
        token,
        weekSummary(WEEK, {
          checkInRequested: i < 2,
          breaks: { taken: 2, minutes: 10, extended: i === 0 ? 2 : 0, endedEarly: 0 },
        }),
      );
    }
    await collector.passWeekClose(3); // Thursday 2026-11-26: W47 closed, the newest dashboard week
    const before = await read();
    expect(before.week).toMatchObject({
      week: WEEK,
      status: 'shown',
      figures: { contributors: 5, breaksPerAgent: 2, breakMinutes: 50, extendedShare: 0.2 },
    });
    expect(before.named.rows).toEqual([]);
    expect(before.checkIns).toMatchObject({ named: [], anonymousCount: 2 });
    const revoked = await collector.call('DELETE', `/api/v1/weeks/${WEEK}`, tokens[0]);
    expect(revoked.status).toBe(200);
    const after = await read();
    expect(after.week).toEqual(before.week);
    expect(after.checkIns.anonymousCount).toBe(2);
  });
});
