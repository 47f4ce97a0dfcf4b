/** The call book's call-waiting flag, on a real journal file (no SIP needed for this rule). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { CallState } from '../../../preload/contract';
import { createEventHub } from '../../../main/kernel/event-hub';
import { openJournal } from '../../../main/journal/open-journal';
import { silentLogger } from '../../../main/logging/logger';
import { createCallBook } from '../../../main/phone/call-book';
import { FakeClock } from '../../support/fake-clock';

function startBook() {
  const journal = openJournal({
    file: join(mkdtempSync(join(tmpdir(), 'steadyline-book-')), 'journal.sqlite3'),
    logger: silentLogger(),
  });
  const events = createEventHub(silentLogger());
  const published: CallState[] = [];
  events.subscribe((event, payload) => event === 'phone:call' && published.push(payload as CallState));
  const book = createCallBook({ journal: journal.db, events, clock: new FakeClock() });
  const ring = (id: string) =>
    book.onRinging({ id, sipCallId: `${id}@test`, remote: { uri: `sip:${id}@test`, displayName: null } });
  const last = (id: string) => published.filter((call) => call.id === id).at(-1);
  return { book, ring, last, close: () => journal.close() };
}

describe('call waiting in the call book', () => {
  it('marks a call that rings during a connected call as waiting, and clears it when that call ends', () => {
    const { book, ring, last, close } = startBook();
    ring('first');
    expect(last('first')?.waiting).toBe(false);
    book.onCallEvent('first', { kind: 'established' });
    ring('second');
    expect(last('second')?.waiting).toBe(true);
    book.onCallEvent('first', { kind: 'ended', reason: 'remote-hangup', sipStatus: null });
    expect(last('second')).toMatchObject({ state: 'ringing', waiting: false });
    close();
  });

  it('lists the other connected calls not already on hold (those a new call puts on hold)', () => {
    const { book, ring, close } = startBook();
    ring('a');
    book.onCallEvent('a', { kind: 'established' });
    ring('b');
    book.onCallEvent('b', { kind: 'established' });
    book.onCallEvent('b', { kind: 'hold', by: 'local', held: true });
    expect(book.connectedOthers(null).map((call) => call.id)).toEqual(['a']);
    expect(book.connectedOthers('a')).toEqual([]);
    close();
  });
});
