/** The week's payload from a real journal: the right figures, only complete fields, no private data. */
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  TEAM_WEEK_CATEGORIES_SQL,
  TEAM_WEEK_COUNTS_SQL,
  TEAM_WEEK_MOODS_SQL,
} from '../../../main/journal/team-week';
import { weekRange } from '../../../main/summaries/iso-week';
import { endCall, insertCall } from '../../../main/journal/calls';
import { addWarning, endWarning } from '../../../main/journal/warnings';
import { buildWeeklySummary, median, sha256Hex } from '../../../main/summaries/weekly-payload';
import { WeeklySummaryV2 } from '../../../preload/schemas/team-summary';
import { openTestJournal } from '../journal/support/journal-files';

import { CANARIES, EXPECTED_FIGURES, journalWeek } from './support/agent-week';

const ZONE = 'Asia/Jerusalem';
const WEEK = '2026-W48';

let journal: ReturnType<typeof openTestJournal>;
let db: Database.Database;
beforeEach(() => {
  journal = openTestJournal();
  db = journal.db;
  journalWeek(db, weekRange(WEEK, ZONE).start);
});
afterEach(() => journal.close());

const choices = { week: WEEK, zone: ZONE, agentName: null, checkInRequested: false } as const;

describe('the weekly payload', () => {
  it('adds up the week from the journal and nothing outside it', () => {
    const { payload } = buildWeeklySummary(db, { ...choices, consent: 'anonymous' });
    expect(payload).toEqual({
      version: 2,
      week: WEEK,
      consent: 'anonymous',
      ...EXPECTED_FIGURES,
      checkInRequested: false,
    });
    expect(WeeklySummaryV2.safeParse(payload).success).toBe(true);
  });

  it('gives the same bytes every time, and its sha256 is of exactly those bytes', () => {
    const first = buildWeeklySummary(db, { ...choices, consent: 'anonymous' });
    const second = buildWeeklySummary(db, { ...choices, consent: 'anonymous' });
    expect(second.body).toBe(first.body);
    expect(first.sha256).toBe(sha256Hex(first.body));
    expect(JSON.parse(first.body)).toEqual(first.payload);
  });

  it('carries a name only with named consent, and the check-in only as the agent set it', () => {
    const named = buildWeeklySummary(db, {
      ...choices,
      consent: 'named',
      agentName: 'דנה',
      checkInRequested: true,
    });
    expect(named.payload).toMatchObject({ consent: 'named', agentName: 'דנה', checkInRequested: true });
    const anonymous = buildWeeklySummary(db, { ...choices, consent: 'anonymous', agentName: 'דנה' });
    expect(anonymous.body).not.toContain('agentName');
    expect(anonymous.body).not.toContain('דנה');
    expect(() => buildWeeklySummary(db, { ...choices, consent: 'named' })).toThrow(/needs a name/);
  });

  it('holds no caller, Call-ID, note, tag or time finer than the week', () => {
    const { body } = buildWeeklySummary(db, { ...choices, consent: 'anonymous' });
    for (const canary of Object.values(CANARIES)) expect(body).not.toContain(canary);
    expect(body).not.toMatch(/\d{10,}/);
    expect(Object.keys(JSON.parse(body) as object).sort()).toEqual(
      Object.keys(WeeklySummaryV2.shape)
        .filter((key) => key !== 'agentName')
        .sort(),
    );
  });

  it("counts the warnings whose start falls in the week on the agent's clock, failed ones aside", () => {
    // 2026-W50 in Jerusalem (UTC+2 in December): Sunday 22:00 UTC to the next Sunday 22:00 UTC.
    const week = '2026-W50';
    const { start, end } = weekRange(week, ZONE);
    expect(new Date(start).toISOString()).toBe('2026-12-06T22:00:00.000Z');
    const callId = insertCall(db, {
      direction: 'inbound',
      remoteUri: 'sip:caller@pbx.example',
      remoteDisplayName: null,
      sipCallId: 'week-bounds',
      startedAt: start - 60_000,
    });
    endCall(db, callId, { endedAt: end + 60_000, endReason: 'remote-hangup', sipStatus: null });
    const warn = (
      at: number,
      kind: 'warning' | 'final',
      outcome: 'played' | 'failed' | 'interrupted' | null,
    ) => {
      const id = addWarning(db, { callId, kind, source: 'it', startedAt: at });
      if (outcome) endWarning(db, id, outcome, at + 500);
    };
    warn(start - 1, 'warning', 'played'); // Sunday 23:59:59.999 in Jerusalem: the week before
    warn(start, 'final', 'played'); // Monday 00:00 in Jerusalem: counts, as one
    warn(start + 1_000, 'warning', 'failed'); // the caller heard nothing: not counted
    warn(start + 2_000, 'warning', 'interrupted'); // counts
    warn(end - 1, 'warning', null); // still playing when the journal was read: counts
    warn(end, 'warning', 'played'); // the next week
    const count = (w: string) =>
      buildWeeklySummary(db, { ...choices, week: w, consent: 'anonymous' }).payload.warningsPlayed;
    expect(count(week)).toBe(3);
    expect(count('2026-W49')).toBe(1);
    expect(count('2026-W51')).toBe(1);
    // The same instants in UTC would put Sunday 22:00 and after in the other week.
    expect(
      buildWeeklySummary(db, { ...choices, week, zone: 'UTC', consent: 'anonymous' }).payload.warningsPlayed,
    ).toBe(2);
  });

  it('reports an empty week as zeros and no mood', () => {
    const { payload } = buildWeeklySummary(db, { ...choices, week: '2026-W40', consent: 'anonymous' });
    expect(payload).toMatchObject({
      callsHandled: 0,
      medianMoodAfterBreak: null,
      reflectionsCompleted: 0,
      warningsPlayed: 0,
    });
    expect(payload.breaks).toEqual({ taken: 0, minutes: 0, extended: 0, endedEarly: 0 });
  });

  it('takes the median of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([1, 2, 5])).toBe(2);
    expect(median([1, 2, 4, 5])).toBe(3);
  });
});

describe('team-week query plans', () => {
  const plan = (sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ start: 0, end: 1 }) as Array<{ detail: string }>)
      .map((row) => row.detail)
      .join('\n');

  it('counts through the time index of every table, never a full scan', () => {
    const details = plan(TEAM_WEEK_COUNTS_SQL);
    expect(details).toMatch(/calls USING INDEX calls_by_start/);
    expect(details).toMatch(/call_marks USING INDEX call_marks_by_time/);
    expect(details).toMatch(/breaks USING INDEX breaks_by_start/);
    expect(details).toMatch(/reflections USING COVERING INDEX reflections_by_time/);
    expect(details).toMatch(/call_warnings USING INDEX call_warnings_by_time/);
    expect(details).not.toMatch(/SCAN (calls|call_marks|breaks|reflections|call_warnings)\b/);
  });

  it('finds the categories from the marks of the week and each mark by its key', () => {
    const details = plan(TEAM_WEEK_CATEGORIES_SQL);
    expect(details).toMatch(/call_marks USING INDEX call_marks_by_time/);
    expect(details).toMatch(/call_mark_categories USING PRIMARY KEY/);
    expect(details).not.toMatch(/SCAN (call_marks|call_mark_categories)\b/);
  });

  it('reads the moods of the week through the reflections time index', () => {
    const details = plan(TEAM_WEEK_MOODS_SQL);
    expect(details).toMatch(/reflections USING INDEX reflections_by_time/);
    expect(details).not.toMatch(/SCAN reflections\b/);
  });
});
