import type { Migration } from './migration';

export const breaksAndReflections: Migration = {
  version: 2,
  name: 'breaks and reflections',
  up(db) {
    db.exec(`
      CREATE TABLE breaks (
        id INTEGER PRIMARY KEY,
        call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL,
        trigger TEXT NOT NULL CHECK (trigger IN ('abusive-call', 'manual', 'suggested-long')),
        started_at INTEGER NOT NULL,
        planned_seconds INTEGER NOT NULL CHECK (planned_seconds > 0),
        actual_seconds INTEGER CHECK (actual_seconds >= 0),
        ended_how TEXT CHECK (ended_how IN ('completed', 'ended-early', 'extended-and-completed',
          'interrupted-by-quit'))
      ) STRICT;
      CREATE INDEX breaks_by_start ON breaks (started_at);
      CREATE INDEX breaks_by_call ON breaks (call_id);

      CREATE TABLE reflections (
        id INTEGER PRIMARY KEY,
        break_id INTEGER REFERENCES breaks (id) ON DELETE SET NULL,
        call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        mood INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
        difficulty INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
        not_about_me INTEGER CHECK (not_about_me BETWEEN 1 AND 5),
        private_note TEXT,
        wants_follow_up INTEGER NOT NULL DEFAULT 0 CHECK (wants_follow_up IN (0, 1))
      ) STRICT;
      CREATE INDEX reflections_by_time ON reflections (created_at);
      CREATE INDEX reflections_by_break ON reflections (break_id);
      CREATE INDEX reflections_by_call ON reflections (call_id);

      CREATE TABLE reflection_tags (
        reflection_id INTEGER NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
        tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
        PRIMARY KEY (reflection_id, tag)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
