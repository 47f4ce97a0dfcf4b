import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createDayService, dayBounds } from '../../../main/beyond/day-service';
import { keepNotesWithinRetention } from '../../../main/breaks/note-retention';
import { startBreak } from '../../../main/journal/breaks';
import { insertCall, markAnswered } from '../../../main/journal/calls';
import { PROUD_CALLS_SQL, dayNotesBetween } from '../../../main/journal/day-notes';
import { addMark, undoMark } from '../../../main/journal/marks';
import { silentLogger } from '../../../main/logging/logger';
import { createTestCore } from '../../support/test-core';
import { FakeClock } from '../../support/fake-clock';
import { openTestJournal } from '../journal/support/journal-files';

const ZONE = 'Asia/Jerusalem';
// 2026-11-23 09:00 UTC is 11:00 in Jerusalem; that day runs from 22 Nov 22:00 UTC.
const clock = new FakeClock(Date.UTC(2026, 10, 23, 9, 0, 0));
const DAY_START = Date.UTC(2026, 10, 22, 22, 0, 0);
const HOUR = 60 * 60 * 1000;

let journal: ReturnType<typeof openTestJournal>;
let db: Database.Database;
beforeEach(() => {
  journal = openTestJournal();
  db = journal.db;
});
afterEach(() => journal.close());

const service = () => createDayService({ journal: db, clock, timeZone: ZONE, logger: silentLogger() });

function answered(startedAt: number, name: string) {
  const id = insertCall(db, {
    direction: 'inbound',
    remoteUri: `sip:${name}@pbx`,
    remoteDisplayName: name,
    sipCallId: `cid-${startedAt}`,
    startedAt,
  });
  markAnswered(db, id, startedAt + 1000);
  return id;
}

describe('closing the day', () => {
  it('counts today in the agent’s time zone: answered calls, breaks, proud calls oldest first', () => {
    answered(DAY_START - 1, 'yesterday');
    const first = answered(DAY_START + HOUR, 'dana');
    const second = answered(DAY_START + 2 * HOUR, 'avi');
    const undone = answered(DAY_START + 3 * HOUR, 'undone');
    insertCall(db, {
      direction: 'inbound',
      remoteUri: 'sip:missed@pbx',
      remoteDisplayName: null,
      sipCallId: 'm',
      startedAt: DAY_START + HOUR,
    });
    startBreak(db, {
      callId: null,
      trigger: 'manual',
      startedAt: DAY_START + 90 * 60 * 1000,
      plannedSeconds: 90,
    });
    addMark(db, { callId: second, kind: 'proud', createdAt: DAY_START + 2 * HOUR + 5000 });
    addMark(db, { callId: first, kind: 'proud', createdAt: DAY_START + HOUR + 5000 });
    undoMark(
      db,
      addMark(db, { callId: undone, kind: 'proud', createdAt: DAY_START + 3 * HOUR }),
      DAY_START + 3 * HOUR + 1,
    );
    const day = service().overview();
    expect(day).toMatchObject({ from: DAY_START, to: DAY_START + 24 * HOUR, calls: 3, breaks: 1 });
    expect(day.proud.map((call) => call.remote.displayName)).toEqual(['dana', 'avi']);
    expect(day.proud[0]).toEqual({
      callId: first,
      remote: { uri: 'sip:dana@pbx', displayName: 'dana' },
      startedAt: DAY_START + HOUR,
      markedAt: DAY_START + HOUR + 5000,
    });
  });

  it('keeps the note trimmed, keeps nothing for a blank one', () => {
    expect(service().close({ note: '   \n ' })).toEqual({ saved: false });
    expect(service().close({ note: '  the man at 10:40 ‏שוב  ' })).toEqual({ saved: true });
    expect(dayNotesBetween(db, 0, Number.MAX_SAFE_INTEGER)).toEqual([
      { id: 1, writtenAt: clock.now(), note: 'the man at 10:40 ‏שוב' },
    ]);
  });

  it('erases day notes with the other private notes when the retention passes', () => {
    service().close({ note: 'old' });
    const later = new FakeClock(clock.now() + 31 * 24 * HOUR);
    const stop = keepNotesWithinRetention({
      journal: db,
      clock: later,
      retentionDays: () => 30,
      logger: silentLogger(),
    });
    stop();
    expect(dayNotesBetween(db, 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
  });

  it('finds the day around midnight and on a daylight-saving change', () => {
    expect(dayBounds(DAY_START, ZONE).from).toBe(DAY_START);
    expect(dayBounds(DAY_START - 1, ZONE).to).toBe(DAY_START);
    // Israel leaves summer time on 25 Oct 2026: that day has 25 hours.
    const fall = dayBounds(Date.UTC(2026, 9, 25, 12), ZONE);
    expect(fall.to - fall.from).toBe(25 * HOUR);
  });

  it('reads the proud calls through the marks’ time index', () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${PROUD_CALLS_SQL}`).all(0, 1) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH m USING INDEX call_marks_by_time/);
    expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
  });
});

describe('quitting from the closing screen', () => {
  it('the shell quits once the answer is sent; without a shell (the preview) it is refused', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'steadyline-quit-'));
    let quits = 0;
    const shell = createTestCore(dataDir, undefined, { quit: () => void (quits += 1) });
    expect(await shell.router.handle('app:quit', undefined)).toEqual({ ok: true, value: null });
    await vi.waitFor(() => expect(quits).toBe(1));
    await shell.close();
    const preview = createTestCore(dataDir);
    expect(await preview.router.handle('app:quit', undefined)).toMatchObject({
      ok: false,
      error: { code: 'unavailable', reason: 'app.quit-unavailable' },
    });
    await preview.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('closing the day through the real core’s router', () => {
  let dataDir: string;
  let core: ReturnType<typeof createTestCore>;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'steadyline-close-day-'));
    core = createTestCore(dataDir);
  });
  afterEach(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the overview and keeps a note; a hostile note is refused, never half kept', async () => {
    expect(await core.router.handle('day:overview', undefined)).toMatchObject({
      ok: true,
      value: { calls: 0, breaks: 0, proud: [] },
    });
    expect(await core.router.handle('day:close', { note: 'leave it here' })).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect(await core.router.handle('day:close', {})).toEqual({ ok: true, value: { saved: false } });
    for (const hostile of [{ note: 'x'.repeat(4001) }, { note: 42 }, { note: ['a'] }, null, 'note']) {
      expect(await core.router.handle('day:close', hostile)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
  });
});
