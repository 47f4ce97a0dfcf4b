/** The agent's private reflection after a break. The note never leaves the machine. */
import type Database from 'better-sqlite3';

import { statement } from './statements';

export interface NewReflection {
  breakId: number | null;
  callId: number | null;
  createdAt: number;
  mood: number;
  difficulty: number;
  notAboutMe: number | null;
  /** What the agent felt (private). */
  privateNote: string | null;
  /** What the agent thought (private); default null. */
  privateThought?: string | null;
  wantsFollowUp: boolean;
  tags: string[];
}

/** Saves a reflection with its tags in one transaction. */
export function addReflection(db: Database.Database, reflection: NewReflection): number {
  return db.transaction(() => {
    const { lastInsertRowid } = statement(
      db,
      `INSERT INTO reflections (break_id, call_id, created_at, mood, difficulty, not_about_me, private_note,
         private_thought, wants_follow_up)
       VALUES (@breakId, @callId, @createdAt, @mood, @difficulty, @notAboutMe, @privateNote, @privateThought,
         @wantsFollowUp)`,
    ).run({
      ...reflection,
      privateThought: reflection.privateThought ?? null,
      wantsFollowUp: reflection.wantsFollowUp ? 1 : 0,
    });
    const id = Number(lastInsertRowid);
    const insertTag = statement(db, 'INSERT INTO reflection_tags (reflection_id, tag) VALUES (?, ?)');
    for (const tag of new Set(reflection.tags)) insertTag.run(id, tag);
    return id;
  })();
}

/** The tags of one reflection, sorted. */
export function tagsOfReflection(db: Database.Database, id: number): string[] {
  const rows = statement(db, 'SELECT tag FROM reflection_tags WHERE reflection_id = ? ORDER BY tag').all(
    id,
  ) as Array<{
    tag: string;
  }>;
  return rows.map((row) => row.tag);
}
