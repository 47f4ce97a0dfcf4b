import { describe, expect, it } from 'vitest';

import {
  isComplete,
  lastCompleteWeek,
  weekAround,
  weekOf,
  weekRange,
} from '../../../main/summaries/iso-week';

const JERUSALEM = 'Asia/Jerusalem';
const NEW_YORK = 'America/New_York';

describe('ISO weeks in the agent time zone', () => {
  it('starts a week on Monday 00:00 on the agent wall clock, not in UTC', () => {
    // Sunday 2026-11-29 23:30 in Jerusalem is Sunday 21:30 UTC: still week 48 there.
    expect(weekOf(Date.UTC(2026, 10, 29, 21, 30), JERUSALEM)).toBe('2026-W48');
    // Sunday 22:30 UTC is Monday 00:30 in Jerusalem: week 49 has begun.
    expect(weekOf(Date.UTC(2026, 10, 29, 22, 30), JERUSALEM)).toBe('2026-W49');
    expect(weekOf(Date.UTC(2026, 10, 29, 22, 30), 'UTC')).toBe('2026-W48');
    const range = weekRange('2026-W49', JERUSALEM);
    expect(new Date(range.start).toISOString()).toBe('2026-11-29T22:00:00.000Z');
    expect(new Date(range.end).toISOString()).toBe('2026-12-06T22:00:00.000Z');
  });

  it('gives a week that crosses a daylight-saving change its wall-clock length', () => {
    // New York leaves daylight saving on Sunday 2026-11-01: that week is 169 hours long.
    const long = weekRange('2026-W44', NEW_YORK);
    expect((long.end - long.start) / 3_600_000).toBe(169);
    // Jerusalem starts daylight saving on Friday 2026-03-27: that week is 167 hours long.
    const short = weekRange('2026-W13', JERUSALEM);
    expect((short.end - short.start) / 3_600_000).toBe(167);
  });

  it('follows the ISO year at the turn of the year, including week 53', () => {
    // 2026 starts on a Thursday, so it has 53 weeks; 1 January 2027 (Friday) is still in 2026-W53.
    expect(weekOf(Date.UTC(2027, 0, 1, 12), 'UTC')).toBe('2026-W53');
    expect(weekOf(Date.UTC(2025, 11, 29, 12), 'UTC')).toBe('2026-W01');
    expect(new Date(weekRange('2026-W01', 'UTC').start).toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(() => weekRange('2027-W53', 'UTC')).toThrow(/does not exist/);
    expect(() => weekRange('2026-W54', 'UTC')).toThrow();
    expect(() => weekRange('nonsense', 'UTC')).toThrow();
  });

  it('offers the last week that has fully ended', () => {
    const monday = weekRange('2026-W49', JERUSALEM).start;
    expect(lastCompleteWeek(monday, JERUSALEM).week).toBe('2026-W48');
    expect(lastCompleteWeek(monday - 1, JERUSALEM).week).toBe('2026-W47');
    expect(isComplete('2026-W48', monday, JERUSALEM)).toBe(true);
    expect(isComplete('2026-W49', monday, JERUSALEM)).toBe(false);
    expect(weekAround(monday, JERUSALEM).week).toBe('2026-W49');
  });
});
