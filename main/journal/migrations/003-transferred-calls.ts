import { END_REASONS_1 } from './001-calls-and-marks';
import { rebuildCallsTable } from './calls-table';
import type { Migration } from './migration';

/**
 * A call can end by being transferred. SQLite cannot change a CHECK in place, so `calls` is
 * rebuilt (SQLite's documented procedure, "Making Other Kinds Of Table Schema Changes"); the
 * runner turns foreign keys off around it so call_marks, breaks and reflections keep their rows,
 * and checks every reference afterwards.
 */
export const END_REASONS_3 = [...END_REASONS_1, 'transferred'] as const;

export const transferredCalls: Migration = {
  version: 3,
  name: 'calls can end as transferred',
  up(db) {
    rebuildCallsTable(db, END_REASONS_3);
  },
};
