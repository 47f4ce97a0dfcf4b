import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { insertCall, listCalls } from '../../../main/journal/calls';
import { openJournal } from '../../../main/journal/open-journal';
import { silentLogger } from '../../../main/logging/logger';

import { journalPath, openTestJournal } from './support/journal-files';

const garbage = Buffer.from('this is not a sqlite database at all, just bytes '.repeat(200));
const oneCall = {
  direction: 'outbound',
  remoteUri: 'sip:1@x',
  remoteDisplayName: null,
  sipCallId: 'c',
  startedAt: 1,
} as const;

describe('a damaged journal at start', () => {
  it('moves a file that is not a database aside, keeps its bytes, and starts a fresh journal', () => {
    const file = journalPath();
    writeFileSync(file, garbage);
    const journal = openTestJournal(file);
    expect(journal.recovered?.movedTo).toMatch(/journal\.sqlite3\.corrupt-\d+$/);
    expect(journal.recovered?.reason).toMatch(/not a database/);
    expect(readFileSync(journal.recovered?.movedTo ?? '')).toEqual(garbage);
    insertCall(journal.db, oneCall);
    expect(listCalls(journal.db, { limit: 5 })).toHaveLength(1);
    journal.close();
  });

  it('moves a truncated journal aside with its bytes intact', () => {
    const file = journalPath();
    const first = openTestJournal(file);
    for (let i = 0; i < 500; i += 1) {
      insertCall(first.db, { ...oneCall, remoteUri: `sip:${i}@x`, remoteDisplayName: 'x'.repeat(200) });
    }
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.close();
    truncateSync(file, Math.floor(statSync(file).size / 3));
    const truncated = readFileSync(file);
    const journal = openTestJournal(file);
    expect(journal.recovered?.reason).toMatch(/malformed|quick_check/);
    expect(readFileSync(journal.recovered?.movedTo ?? '')).toEqual(truncated);
    expect(listCalls(journal.db, { limit: 5 })).toEqual([]);
    journal.close();
  });

  it('moves the -wal file along with the damaged database', () => {
    const file = journalPath();
    writeFileSync(file, garbage);
    writeFileSync(`${file}-wal`, 'stale wal');
    const journal = openTestJournal(file);
    expect(readFileSync(`${journal.recovered?.movedTo ?? ''}-wal`, 'utf8')).toBe('stale wal');
    journal.close();
  });

  it('never overwrites an earlier damaged file moved aside at the same moment', () => {
    const file = journalPath();
    const openAt42 = () => openJournal({ file, logger: silentLogger(), now: () => 42 });
    writeFileSync(file, garbage);
    const first = openAt42();
    first.close();
    writeFileSync(file, 'second damaged file');
    const second = openAt42();
    second.close();
    expect(first.recovered?.movedTo).toBe(`${file}.corrupt-42`);
    expect(second.recovered?.movedTo).toBe(`${file}.corrupt-42-2`);
    expect(readFileSync(`${file}.corrupt-42`)).toEqual(garbage);
    expect(readFileSync(`${file}.corrupt-42-2`, 'utf8')).toBe('second damaged file');
    expect(existsSync(file)).toBe(true);
  });
});
