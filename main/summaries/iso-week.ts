/**
 * ISO weeks (Monday 00:00 to the next Monday 00:00) in the agent's own time zone: the unit a
 * summary covers. The zone is injected (the system's in the app, a fixed one in tests), so a
 * week starts on the agent's Monday even when the machine's clock runs in UTC, and a week that
 * crosses a daylight-saving change is 167 or 169 hours long, as it is on the agent's wall clock.
 */
import { TZDate } from '@date-fns/tz';
import { addWeeks, getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';

import { IsoWeek } from '../../preload/schemas/team-summary';

export interface WeekRange {
  week: IsoWeek;
  /** Monday 00:00 in the zone, ms since the epoch. */
  start: number;
  /** The next Monday 00:00 in the zone (exclusive). */
  end: number;
}

/** The system's zone, for the app; tests pass their own. */
export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The ISO week an instant falls in, on the agent's wall clock. */
export function weekOf(ms: number, zone: string): IsoWeek {
  const date = new TZDate(ms, zone);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

/** Where a week starts and ends in the zone; throws for a week the year does not have (W53). */
export function weekRange(week: IsoWeek, zone: string): WeekRange {
  const match = /^(\d{4})-W(\d{2})$/.exec(IsoWeek.parse(week));
  if (!match) throw new RangeError(`not an ISO week: ${week}`);
  const [, year, number] = match;
  // 4 January is always in week 1 of its ISO year.
  const firstMonday = startOfISOWeek(new TZDate(Number(year), 0, 4, zone));
  const start = addWeeks(firstMonday, Number(number) - 1);
  if (weekOf(start.getTime(), zone) !== week) throw new RangeError(`${week} does not exist`);
  return { week, start: start.getTime(), end: addWeeks(start, 1).getTime() };
}

/** The range of the week an instant falls in. */
export function weekAround(ms: number, zone: string): WeekRange {
  return weekRange(weekOf(ms, zone), zone);
}

/** The last week that has fully ended at `now`: the one a summary is offered for. */
export function lastCompleteWeek(now: number, zone: string): WeekRange {
  return weekAround(weekAround(now, zone).start - 1, zone);
}

/** Whether a week has ended at `now` (only ended weeks can be shared). */
export function isComplete(week: IsoWeek, now: number, zone: string): boolean {
  return weekRange(week, zone).end <= now;
}
