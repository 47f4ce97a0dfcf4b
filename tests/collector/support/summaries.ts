/** Valid payload-v1 and v2 summaries for tests, with overrides. */
import { AbuseCategory } from '../../../preload/schemas/common';
import type { WeeklySummaryV1, WeeklySummaryV2 } from '../../../preload/schemas/team-summary';

export function weekSummary(week: string, overrides: Partial<WeeklySummaryV1> = {}): WeeklySummaryV1 {
  const byCategory = Object.fromEntries(AbuseCategory.options.map((category) => [category, 0])) as Record<
    AbuseCategory,
    number
  >;
  byCategory.shouting = 2;
  byCategory.insults = 1;
  return {
    version: 1,
    week,
    consent: 'anonymous',
    callsHandled: 40,
    abusiveMarks: { total: 3, byCategory },
    proudMarks: 2,
    breaks: { taken: 3, minutes: 15, extended: 1, endedEarly: 0 },
    reflectionsCompleted: 2,
    medianMoodAfterBreak: 3,
    checkInRequested: false,
    ...overrides,
  };
}

/** The same summary as payload v2 (what today's app sends): V1's figures and the warnings played. */
export function weekSummaryV2(
  week: string,
  warningsPlayed: number,
  overrides: Partial<Omit<WeeklySummaryV2, 'version'>> = {},
): WeeklySummaryV2 {
  return { ...weekSummary(week), version: 2, warningsPlayed, ...overrides };
}
