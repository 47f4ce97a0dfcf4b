import type { Migration } from './migration';

/**
 * Whether the reflection after a break is still on offer survives a restart: a saved reflection
 * is its `reflections` row; a skipped one (the agent pressed Skip, or the break was taken back with
 * its mark) is `breaks.reflection_skipped_at`. A plain added column: rows keep their shape, and
 * breaks that ended before this step count as neither saved nor skipped.
 */
export const reflectionSkipped: Migration = {
  version: 10,
  name: 'the reflection after a break can be recorded as skipped',
  up(db) {
    db.exec(`
      ALTER TABLE breaks ADD COLUMN reflection_skipped_at INTEGER
        CHECK (reflection_skipped_at IS NULL OR reflection_skipped_at >= 0);
    `);
  },
};
