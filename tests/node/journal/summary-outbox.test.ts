/** The outbox queries on a real journal file: queued → sent → revoking → revoked, idempotent resends. */
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  beginAttempt,
  dueWeeks,
  getSharedWeek,
  isWeekSkipped,
  listSharedWeeks,
  markSent,
  markWeekFailed,
  queueWeek,
  skipWeek,
} from '../../../main/journal/shared-weeks';
import {
  completeRevocation,
  dueRevocations,
  nextDueAt,
  pendingRevocationCount,
  requestRevocation,
} from '../../../main/journal/summary-revocations';

import { openTestJournal } from './support/journal-files';

let journal: ReturnType<typeof openTestJournal>;
let db: Database.Database;
beforeEach(() => {
  journal = openTestJournal();
  db = journal.db;
});
afterEach(() => journal.close());

const sha = (letter: string) => letter.repeat(64);
const queue = (week: string, letter = 'a', queuedAt = 100) =>
  queueWeek(db, { week, consent: 'anonymous', body: `{"w":"${week}"}`, sha256: sha(letter), queuedAt });
const send = (week: string, letter = 'a') => {
  beginAttempt(db, week);
  return markSent(db, week, sha(letter), {
    sentAt: 200,
    receipt: { receivedAt: '2026-12-01T10:00:00.000Z', sha256: sha(letter) },
  });
};

describe('the team-summary outbox', () => {
  it('queues a week with its exact bytes, sends it once with the receipt, and lists it', () => {
    queue('2026-W48');
    expect(dueWeeks(db, 99)).toEqual([]);
    expect(dueWeeks(db, 100).map((week) => week.week)).toEqual(['2026-W48']);
    expect(send('2026-W48')).toBe(true);
    expect(send('2026-W48')).toBe(false);
    const sent = getSharedWeek(db, '2026-W48');
    expect(sent).toMatchObject({ state: 'sent', sentAt: 200, attempts: 1, nextAttemptAt: null });
    expect(sent?.receipt).toEqual({ receivedAt: '2026-12-01T10:00:00.000Z', sha256: sha('a') });
    expect(sent?.body.toString('utf8')).toBe('{"w":"2026-W48"}');
    expect(dueWeeks(db, 10_000)).toEqual([]);
    expect(listSharedWeeks(db).map((week) => week.week)).toEqual(['2026-W48']);
  });

  it('treats sharing the same bytes again as a no-op, and other bytes as a new version to send', () => {
    queue('2026-W48');
    send('2026-W48');
    expect(queue('2026-W48', 'a', 500).state).toBe('sent');
    const changed = queue('2026-W48', 'b', 500);
    expect(changed).toMatchObject({ state: 'queued', sha256: sha('b'), attempts: 1, queuedAt: 500 });
  });

  it('records failed tries for a retry, or as refused when the collector said no', () => {
    queue('2026-W48');
    queue('2026-W47');
    beginAttempt(db, '2026-W48');
    markWeekFailed(db, '2026-W48', { error: 'the collector could not be reached', nextAttemptAt: 900 });
    beginAttempt(db, '2026-W47');
    markWeekFailed(db, '2026-W47', { error: 'the collector answered 422', nextAttemptAt: null });
    expect(getSharedWeek(db, '2026-W48')).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: 900 });
    expect(getSharedWeek(db, '2026-W47')).toMatchObject({
      state: 'refused',
      lastError: 'the collector answered 422',
    });
    expect(nextDueAt(db, { weeks: true })).toBe(900);
    expect(nextDueAt(db, { weeks: false })).toBeNull();
  });

  it('withdraws a week never tried at once, and queues a delete for one the collector may hold', () => {
    queue('2026-W48');
    expect(requestRevocation(db, '2026-W48', 300)).toBeNull();
    expect(getSharedWeek(db, '2026-W48')).toMatchObject({ state: 'revoked', revokedAt: 300 });
    queue('2026-W47');
    send('2026-W47');
    const id = requestRevocation(db, '2026-W47', 400);
    expect(id).not.toBeNull();
    expect(getSharedWeek(db, '2026-W47')).toMatchObject({ state: 'revoking', revokeRequestedAt: 400 });
    const [due] = dueRevocations(db, 400);
    if (!due) throw new Error('no revocation due');
    expect(due).toMatchObject({ scope: 'week', week: '2026-W47' });
    completeRevocation(db, due, { doneAt: 450, deleted: 1 });
    expect(getSharedWeek(db, '2026-W47')).toMatchObject({ state: 'revoked', revokedAt: 450 });
    expect(pendingRevocationCount(db)).toBe(0);
  });

  it('revokes everything with one request that survives being offline, and a later share goes after it', () => {
    queue('2026-W46');
    send('2026-W46');
    queue('2026-W47');
    send('2026-W47');
    queue('2026-W48');
    requestRevocation(db, null, 500);
    expect(listSharedWeeks(db).map((week) => [week.week, week.state])).toEqual([
      ['2026-W48', 'revoked'],
      ['2026-W47', 'revoking'],
      ['2026-W46', 'revoking'],
    ]);
    const [all] = dueRevocations(db, 500);
    if (!all) throw new Error('no revocation due');
    expect(all).toMatchObject({ scope: 'all', week: null });
    // Shared again after the revocation was asked for: it must not be swept by it.
    queue('2026-W47', 'c', 600);
    completeRevocation(db, all, { doneAt: 700, deleted: 2 });
    expect(getSharedWeek(db, '2026-W46')).toMatchObject({ state: 'revoked', revokedAt: 700 });
    expect(getSharedWeek(db, '2026-W47')).toMatchObject({ state: 'queued', sha256: sha('c') });
  });

  it('remembers a skipped week', () => {
    expect(isWeekSkipped(db, '2026-W48')).toBe(false);
    skipWeek(db, '2026-W48', 1);
    skipWeek(db, '2026-W48', 2);
    expect(isWeekSkipped(db, '2026-W48')).toBe(true);
  });
});
