/**
 * The first week ever shared (where freezing starts) is found by index, not by reading every
 * summary.
 */
import type { Migration } from './migration';

export const weekStartIndex: Migration = {
  version: 4,
  name: 'week-start-index',
  statements: ['CREATE INDEX weekly_summaries_by_week_start ON weekly_summaries (week_start)'],
};
