/** Deleting the agent's own journal entries, and erasing private notes past the retention period. */
import type Database from 'better-sqlite3';

import { statement } from './statements';

export type EntryKind = 'call' | 'break' | 'reflection';

const DELETE_SQL: Record<EntryKind, string> = {
  // A call leaves the journal but stays in the history (migration 008); its marks go below.
  call: 'UPDATE calls SET hidden_from_journal = 1 WHERE id = ? AND hidden_from_journal = 0',
  break: 'DELETE FROM breaks WHERE id = ? AND ended_how IS NOT NULL',
  reflection: 'DELETE FROM reflections WHERE id = ?',
};

/**
 * Deletes one entry; false when there was none (a running break cannot be deleted). A call is
 * hidden from the journal and loses its marks (and their categories, ON DELETE CASCADE) and warnings; it stays
 * in the call history. Breaks and reflections are deleted.
 */
export function deleteEntry(db: Database.Database, kind: EntryKind, id: number): boolean {
  return db.transaction(() => {
    const done = statement(db, DELETE_SQL[kind]).run(id).changes === 1;
    if (done && kind === 'call') {
      statement(db, 'DELETE FROM call_marks WHERE call_id = ?').run(id);
      statement(db, 'DELETE FROM call_warnings WHERE call_id = ?').run(id);
    }
    return done;
  })();
}

export const PURGE_NOTES_SQL = `UPDATE reflections SET private_note = NULL, private_thought = NULL
  WHERE created_at < ? AND (private_note IS NOT NULL OR private_thought IS NOT NULL)`;

/** Erases the free-text notes of reflections written before `before`; returns how many. */
export function purgeNotesBefore(db: Database.Database, before: number): number {
  return statement(db, PURGE_NOTES_SQL).run(before).changes;
}
