import type { Migration } from './migration';

/**
 * What a running break needs to survive a restart, and the reflection's second note: the
 * availability to restore when the break ends (do-not-disturb stays do-not-disturb), how many
 * seconds the agent added (a break that was extended ends as 'extended-and-completed'), and
 * "what I thought" beside "what I felt" (private_note). Plain added columns: rows keep their shape.
 */
export const breakState: Migration = {
  version: 5,
  name: 'break state for resuming, and the reflection thought note',
  up(db) {
    db.exec(`
      ALTER TABLE breaks ADD COLUMN restore_availability TEXT NOT NULL DEFAULT 'available'
        CHECK (restore_availability IN ('available', 'dnd'));
      ALTER TABLE breaks ADD COLUMN extended_seconds INTEGER NOT NULL DEFAULT 0 CHECK (extended_seconds >= 0);
      ALTER TABLE reflections ADD COLUMN private_thought TEXT;
      CREATE INDEX breaks_running ON breaks (started_at) WHERE ended_how IS NULL;
    `);
  },
};
