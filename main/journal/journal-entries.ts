/** Deleting the agent's own journal entries, and erasing private notes past the retention period. */
import type Database from 'better-sqlite3';

import { statement } from './statements';

export type EntryKind = 'call' | 'break' | 'reflection';

const DELETE_SQL: Record<EntryKind, string> = {
  // Marks and their categories go with the call (ON DELETE CASCADE); breaks and reflections keep
  // their rows and lose the link (ON DELETE SET NULL).
  call: 'DELETE FROM calls WHERE id = ?',
  break: 'DELETE FROM breaks WHERE id = ? AND ended_how IS NOT NULL',
  reflection: 'DELETE FROM reflections WHERE id = ?',
};

/** Deletes one entry; false when there was none (a running break cannot be deleted). */
export function deleteEntry(db: Database.Database, kind: EntryKind, id: number): boolean {
  return statement(db, DELETE_SQL[kind]).run(id).changes === 1;
}

export const PURGE_NOTES_SQL = `UPDATE reflections SET private_note = NULL, private_thought = NULL
  WHERE created_at < ? AND (private_note IS NOT NULL OR private_thought IS NOT NULL)`;

/** Erases the free-text notes of reflections written before `before`; returns how many. */
export function purgeNotesBefore(db: Database.Database, before: number): number {
  return statement(db, PURGE_NOTES_SQL).run(before).changes;
}
