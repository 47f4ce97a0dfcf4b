/**
 * Telling a damaged journal from every other reason an open can fail, and moving a damaged one
 * aside. Only damage is moved: a missing native module, a locked file or a failing migration
 * must never make the agent's journal disappear behind an empty one.
 */
import { existsSync, renameSync } from 'node:fs';

import Database from 'better-sqlite3';

import { describeError } from '../kernel/describe-error';

/** Where a damaged journal went, so the UI can tell the agent. */
export interface JournalRecovery {
  movedTo: string;
  reason: string;
}

/** `PRAGMA quick_check` found problems in a file SQLite could open. */
export class JournalDamagedError extends Error {
  constructor(findings: string) {
    super(`quick_check: ${findings}`);
    this.name = 'JournalDamagedError';
  }
}

// Result codes meaning "these bytes are not a usable database" (https://sqlite.org/rescode.html).
// SQLITE_CANTOPEN on an existing file is the "unreadable" case.
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB|CANTOPEN)(_|$)/;

export function isDamage(error: unknown): boolean {
  if (error instanceof JournalDamagedError) return true;
  return error instanceof Database.SqliteError && DAMAGE_CODES.test(error.code);
}

const SIDE_FILES = ['', '-wal', '-shm'];

/** `<file>.corrupt-<at>`, or with a counter if an earlier recovery already took that name. */
function freeName(file: string, at: number): string {
  const base = `${file}.corrupt-${at}`;
  const taken = (name: string) => SIDE_FILES.some((suffix) => existsSync(name + suffix));
  let name = base;
  for (let n = 2; taken(name); n += 1) name = `${base}-${n}`;
  return name;
}

/** Renames the file and its -wal/-shm companions; nothing is deleted. */
export function moveAside(file: string, error: unknown, at: number): JournalRecovery {
  const movedTo = freeName(file, at);
  for (const suffix of SIDE_FILES) {
    if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
  }
  return { movedTo, reason: describeError(error) };
}
