import { existsSync, readFileSync, truncateSync, statSync, writeFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { insertCall, listCalls } from '../../../main/journal/calls';
import { JournalTooNewError } from '../../../main/journal/migrate';

import { journalPath, openTestJournal } from './support/journal-files';

describe('a damaged journal at start', () => {
  it('moves a file that is not a database aside, keeps its bytes, and starts a fresh journal', () => {
    const file = journalPath();
    const garbage = Buffer.from('this is not a sqlite database at all, just bytes '.repeat(200));
    writeFileSync(file, garbage);
    const journal = openTestJournal(file);
    expect(journal.recovered?.movedTo).toMatch(/journal\.sqlite3\.corrupt-\d+$/);
    expect(readFileSync(journal.recovered?.movedTo ?? '')).toEqual(garbage);
    insertCall(journal.db, {
      direction: 'outbound',
      remoteUri: 'sip:1@x',
      remoteDisplayName: null,
      sipCallId: 'c',
      startedAt: 1,
    });
    expect(listCalls(journal.db, { limit: 5 })).toHaveLength(1);
    journal.close();
  });

  it('moves a truncated journal aside', () => {
    const file = journalPath();
    const first = openTestJournal(file);
    for (let i = 0; i < 500; i += 1) {
      insertCall(first.db, {
        direction: 'inbound',
        remoteUri: `sip:${i}@x`,
        remoteDisplayName: 'x'.repeat(200),
        sipCallId: `c${i}`,
        startedAt: i,
      });
    }
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.close();
    truncateSync(file, Math.floor(statSync(file).size / 3));
    const journal = openTestJournal(file);
    expect(journal.recovered).not.toBeNull();
    expect(existsSync(journal.recovered?.movedTo ?? '')).toBe(true);
    expect(listCalls(journal.db, { limit: 5 })).toEqual([]);
    journal.close();
  });

  it('opens a healthy journal without recovering anything', () => {
    const file = journalPath();
    openTestJournal(file).close();
    const journal = openTestJournal(file);
    expect(journal.recovered).toBeNull();
    journal.close();
  });

  it('refuses a journal from a newer version and leaves it where it is', () => {
    const file = journalPath();
    const journal = openTestJournal(file);
    journal.db.pragma('user_version = 7');
    journal.close();
    expect(() => openTestJournal(file)).toThrow(JournalTooNewError);
    expect(existsSync(file)).toBe(true);
  });
});
