/** ISO weeks (Monday start) as the collector reasons about them, in UTC. */
const DAY_MS = 86_400_000;
/** The earliest time zone (UTC+14) starts a week this long before UTC does. */
const EARLIEST_ZONE_MS = 14 * 3_600_000;

/** Midnight UTC of the Monday that starts `2026-W48`, or null for a week that does not exist. */
export function isoWeekStart(week: string): Date | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1; its week's Monday starts week 1.
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  const start = new Date(jan4 - jan4Weekday * DAY_MS + (number - 1) * 7 * DAY_MS);
  // Week 53 exists only in some years: its Thursday must still be in `year`.
  const thursday = new Date(start.getTime() + 3 * DAY_MS);
  if (number < 1 || thursday.getUTCFullYear() !== year) return null;
  return start;
}

/** True when the week has not begun anywhere on Earth yet. */
export function isFutureWeek(start: Date, now: number): boolean {
  return start.getTime() - EARLIEST_ZONE_MS > now;
}

/** The moment a week closes: its UTC end plus the configured days. */
export function weekClosesAt(start: Date, closeAfterDays: number): Date {
  return new Date(start.getTime() + (7 + closeAfterDays) * DAY_MS);
}

/** `2026-W48` for the week holding `date` (UTC). */
export function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The `count` ISO weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: string, count: number): string[] {
  const start = isoWeekStart(last);
  if (!start) return [];
  return Array.from({ length: count }, (_, index) =>
    isoWeekOf(new Date(start.getTime() - (count - 1 - index) * 7 * DAY_MS)),
  );
}
