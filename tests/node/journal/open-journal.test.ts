import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { insertCall, listCalls } from '../../../main/journal/calls';
import { LATEST_SCHEMA_VERSION } from '../../../main/journal/migrations';
import { JournalTooNewError, openJournal } from '../../../main/journal/open-journal';
import { silentLogger } from '../../../main/logging/logger';

import { journalPath, openTestJournal } from './support/journal-files';

const someCall = {
  direction: 'inbound',
  remoteUri: 'sip:1@pbx',
  remoteDisplayName: null,
  sipCallId: 'c',
  startedAt: 1,
} as const;
const pragma = (db: Database.Database, name: string) => db.pragma(name, { simple: true });

describe('opening a journal', () => {
  it('creates a journal in WAL mode with foreign keys on and the latest schema', () => {
    const journal = openTestJournal();
    expect(journal.recovered).toBeNull();
    expect(pragma(journal.db, 'journal_mode')).toBe('wal');
    expect(pragma(journal.db, 'foreign_keys')).toBe(1);
    expect(pragma(journal.db, 'synchronous')).toBe(1); // NORMAL
    expect(pragma(journal.db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
    journal.close();
  });

  it('opens a healthy journal again without recovering anything', () => {
    const file = journalPath();
    openTestJournal(file).close();
    const journal = openTestJournal(file);
    expect(journal.recovered).toBeNull();
    journal.close();
  });

  it('checkpoints while idle and restarts the WAL, so the next call does not pay for it', () => {
    const journal = openTestJournal();
    for (let at = 1; at <= 20; at += 1) {
      insertCall(journal.db, { ...someCall, startedAt: at });
    }
    journal.checkpoint();
    // Only the restart's own frame is left in the WAL; all calls are in the database file.
    expect(journal.db.pragma('wal_checkpoint(PASSIVE)')).toEqual([{ busy: 0, log: 1, checkpointed: 1 }]);
    expect(pragma(journal.db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(listCalls(journal.db, { limit: 50 })).toHaveLength(20);
    journal.close();
  });

  it('refuses a journal from a newer version, says so, and leaves the file byte for byte', () => {
    const file = journalPath();
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x INTEGER)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = readFileSync(file);
    const open = () => openTestJournal(file);
    expect(open).toThrow(JournalTooNewError);
    expect(open).toThrow(
      `This journal was written by a newer version of Steadyline (schema ${LATEST_SCHEMA_VERSION + 5}, this version knows ${LATEST_SCHEMA_VERSION}). ` +
        `Update Steadyline; the file was left untouched: ${file}`,
    );
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(dirname(file))).toEqual(['journal.sqlite3']);
  });

  it('loads the native module given as nativeBinding', () => {
    const binding = createRequire(import.meta.url).resolve(
      'better-sqlite3/build/Release/better_sqlite3.node',
    );
    const journal = openJournal({ file: journalPath(), nativeBinding: binding, logger: silentLogger() });
    expect(pragma(journal.db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
    journal.close();
  });

  it('does not mistake a missing native module for a damaged journal', () => {
    const file = journalPath();
    openTestJournal(file).close();
    const before = readFileSync(file);
    const open = () =>
      openJournal({ file, nativeBinding: '/nowhere/better_sqlite3.node', logger: silentLogger() });
    expect(open).toThrow(/Cannot find module/);
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(dirname(file))).toEqual(['journal.sqlite3']);
  });
});
