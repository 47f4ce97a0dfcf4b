import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { insertCall } from '../../../main/journal/calls';
import { ABUSIVE_CALLERS_SQL, markedBefore } from '../../../main/journal/marked-before';
import { addMark, undoMark } from '../../../main/journal/marks';
import { openTestJournal } from '../journal/support/journal-files';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 2, 20, 12);

let journal: ReturnType<typeof openTestJournal>;
let db: Database.Database;

beforeEach(() => {
  journal = openTestJournal();
  db = journal.db;
});
afterEach(() => journal.close());

function markedCall(uri: string, daysAgo: number, kind: 'abusive' | 'proud' = 'abusive') {
  const at = NOW - daysAgo * DAY;
  const callId = insertCall(db, {
    direction: 'inbound',
    remoteUri: uri,
    remoteDisplayName: null,
    sipCallId: `cid-${uri}-${at}`,
    startedAt: at - 60_000,
  });
  const mark =
    kind === 'abusive'
      ? addMark(db, { callId, kind, severity: null, categories: [], createdAt: at })
      : addMark(db, { callId, kind, createdAt: at });
  return { at, mark };
}

describe('a caller marked abusive before', () => {
  it('is found however the number is written, with the newest mark', () => {
    markedCall('sip:+972501234567@pbx', 20);
    const newer = markedCall('sip:0501234567@other-pbx', 17);
    expect(markedBefore(db, 'sip:00972-50-123-4567@pbx', 30, NOW)).toEqual({ at: newer.at });
  });

  it('is not found after the policy’s days, for another caller, a proud mark or an undone mark', () => {
    markedCall('sip:+972501234567@pbx', 31);
    markedCall('sip:2002@pbx', 1);
    markedCall('sip:2003@pbx', 1, 'proud');
    const undone = markedCall('sip:2004@pbx', 1);
    undoMark(db, undone.mark, NOW);
    expect(markedBefore(db, '+972501234567', 30, NOW)).toBeNull();
    expect(markedBefore(db, '+972501234567', 32, NOW)).not.toBeNull();
    expect(markedBefore(db, 'sip:2001@pbx', 30, NOW)).toBeNull();
    expect(markedBefore(db, 'sip:2003@pbx', 30, NOW)).toBeNull();
    expect(markedBefore(db, 'sip:2004@pbx', 30, NOW)).toBeNull();
  });

  it('is off when the policy says 0 days, and a hostile caller address finds nothing', () => {
    markedCall('sip:2002@pbx', 1);
    expect(markedBefore(db, 'sip:2002@pbx', 0, NOW)).toBeNull();
    expect(markedBefore(db, '', 30, NOW)).toBeNull();
    expect(markedBefore(db, "sip:%' OR 1=1 --@pbx", 30, NOW)).toBeNull();
    expect(markedBefore(db, 'x'.repeat(100_000), 30, NOW)).toBeNull();
  });

  it('reads the marks through the time index and the calls by their key, without a scan', () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${ABUSIVE_CALLERS_SQL}`).all(0, 1) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH m USING INDEX call_marks_by_time/);
    expect(plan).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
  });
});
