import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createDayService } from '../../../main/beyond/day-service';
import { startBreak } from '../../../main/journal/breaks';
import { insertCall } from '../../../main/journal/calls';
import { addMark, undoMark } from '../../../main/journal/marks';
import { addReflection } from '../../../main/journal/reflections';
import { DAY_ABUSIVE_MARKS_SQL, DAY_BREAKS_COUNT_SQL, DAY_MOOD_SQL } from '../../../main/journal/week-review';
import { silentLogger } from '../../../main/logging/logger';
import { FakeClock } from '../../support/fake-clock';
import { openTestJournal } from '../journal/support/journal-files';

const ZONE = 'Asia/Jerusalem';
const HOUR = 60 * 60 * 1000;
// Thursday 2026-11-26, 11:00 in Jerusalem; that week's Monday starts 2026-11-22 22:00 UTC.
const clock = new FakeClock(Date.UTC(2026, 10, 26, 9));
const MONDAY = Date.UTC(2026, 10, 22, 22);
const day = (index: number) => MONDAY + index * 24 * HOUR;

let journal: ReturnType<typeof openTestJournal>;
let db: Database.Database;
beforeEach(() => {
  journal = openTestJournal();
  db = journal.db;
});
afterEach(() => journal.close());

const week = (weeksAgo = 0) =>
  createDayService({ journal: db, clock, timeZone: ZONE, logger: silentLogger() }).week(weeksAgo);

function abusiveCallWithBreak(at: number, mood: number | null) {
  const callId = insertCall(db, {
    direction: 'inbound',
    remoteUri: `sip:c${at}@pbx`,
    remoteDisplayName: null,
    sipCallId: `cid-${at}`,
    startedAt: at,
  });
  const mark = addMark(db, { callId, kind: 'abusive', severity: 2, categories: [], createdAt: at + 1000 });
  const breakId = startBreak(db, {
    callId,
    trigger: 'abusive-call',
    startedAt: at + 2000,
    plannedSeconds: 90,
  });
  if (mood !== null) {
    addReflection(db, {
      breakId,
      callId,
      createdAt: at + 100_000,
      mood,
      difficulty: 3,
      notAboutMe: null,
      privateNote: null,
      wantsFollowUp: false,
      tags: [],
    });
  }
  return { callId, mark };
}

describe('my week, in pictures', () => {
  it('counts breaks and abusive marks per day, Monday to Sunday, with the mood after breaks', () => {
    abusiveCallWithBreak(day(0) + HOUR, 2);
    abusiveCallWithBreak(day(0) + 3 * HOUR, 5);
    const undone = abusiveCallWithBreak(day(2) + HOUR, null);
    undoMark(db, undone.mark, day(2) + 2 * HOUR);
    abusiveCallWithBreak(day(0) - HOUR, 1); // Sunday evening, the week before
    const proud = abusiveCallWithBreak(day(3) + HOUR, null);
    addMark(db, { callId: proud.callId, kind: 'proud', createdAt: day(3) + 2 * HOUR });
    const review = week();
    expect(review.from).toBe(MONDAY);
    expect(review.to).toBe(day(7));
    expect(review.days.map((d) => [d.breaks, d.abusive, d.mood])).toEqual([
      [2, 2, 3.5],
      [0, 0, null],
      [1, 0, null],
      [1, 1, null],
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
    expect(review.days.map((d) => d.from)).toEqual([0, 1, 2, 3, 4, 5, 6].map(day));
    expect(review.proud.map((call) => call.callId)).toEqual([proud.callId]);
    expect(week(1).days[6]).toMatchObject({ breaks: 1, abusive: 1, mood: 1 });
  });

  it('keeps each day a calendar day across the autumn clock change', () => {
    const autumn = new FakeClock(Date.UTC(2026, 9, 25, 12));
    const review = createDayService({
      journal: db,
      clock: autumn,
      timeZone: ZONE,
      logger: silentLogger(),
    }).week(0);
    const lengths = review.days.map((d, index) => (review.days[index + 1]?.from ?? review.to) - d.from);
    expect(lengths).toEqual([24, 24, 24, 24, 24, 24, 25].map((hours) => hours * HOUR));
  });

  it.each([
    ['breaks', DAY_BREAKS_COUNT_SQL, /breaks USING (COVERING )?INDEX breaks_by_start/],
    ['marks', DAY_ABUSIVE_MARKS_SQL, /call_marks USING INDEX call_marks_by_time/],
    ['mood', DAY_MOOD_SQL, /reflections USING INDEX reflections_by_time/],
  ])('reads the %s of a day through its time index', (_name, sql, index) => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0, 1) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(index);
    expect(plan).not.toMatch(/SCAN/);
  });
});
