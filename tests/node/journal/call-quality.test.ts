import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CallQuality } from '../../../preload/contract';
import { silentLogger } from '../../../main/logging/logger';
import {
  QUALITY_OF_CALL_SQL,
  qualityOfCall,
  saveCallQuality,
  withQuality,
} from '../../../main/journal/call-quality';
import { insertCall, listCalls } from '../../../main/journal/calls';
import { migrate } from '../../../main/journal/migrate';
import { MIGRATIONS } from '../../../main/journal/migrations';
import { callQuality } from '../../../main/journal/migrations/004-call-quality';

import { openTestJournal } from './support/journal-files';

const good: CallQuality = {
  packetLossPercent: 0.5,
  jitterMs: 3.2,
  roundTripMs: 41,
  mos: 4.3,
  packetsReceived: 1500,
  packetsSent: 1498,
};

describe('migration 004: call quality summaries', () => {
  it('adds a strict call_quality table, one row per call, checked and removed with its call', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 3));
    db.exec(
      "INSERT INTO calls (id, direction, remote_uri, sip_call_id, started_at) VALUES (5, 'inbound', 'sip:a@b', 'c', 1)",
    );
    migrate(db, silentLogger(), [...MIGRATIONS.slice(0, 3), callQuality]);
    expect(callQuality.version).toBe(4);
    const sql = (
      db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'call_quality'").get() as { sql: string }
    ).sql;
    expect(sql).toContain('STRICT');
    saveCallQuality(db, 5, good);
    expect(qualityOfCall(db, 5)).toEqual(good);
    expect(saveCallQuality(db, 99, good)).toBe(false);
    expect(() =>
      db
        .prepare(
          'INSERT INTO call_quality (call_id, packet_loss_percent, jitter_ms, mos, packets_received, packets_sent) VALUES (99, 0, 0, 4, 0, 0)',
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => saveCallQuality(db, 5, { ...good, mos: 7 })).toThrow(/CHECK/);
    expect(() => saveCallQuality(db, 5, { ...good, packetLossPercent: -1 })).toThrow(/CHECK/);
    db.prepare('DELETE FROM calls WHERE id = 5').run();
    expect(qualityOfCall(db, 5)).toBeNull();
  });
});

describe('call quality queries', () => {
  let journal: ReturnType<typeof openTestJournal>;
  beforeEach(() => (journal = openTestJournal()));
  afterEach(() => journal.close());

  const call = (sipCallId: string, startedAt = 1_700_000_000_000, remoteUri = 'sip:0501234567@pbx') =>
    insertCall(journal.db, {
      direction: 'inbound',
      remoteUri,
      remoteDisplayName: 'Noa',
      sipCallId,
      startedAt,
    });

  it('refuses a summary for a call the journal does not have', () => {
    expect(saveCallQuality(journal.db, 404, good)).toBe(false);
    expect(qualityOfCall(journal.db, 404)).toBeNull();
  });

  it('lists calls with their summary, or null where none was measured, and replaces a summary', () => {
    const measured = call('a', 10);
    call('b', 20);
    saveCallQuality(journal.db, measured, { ...good, mos: 2 });
    saveCallQuality(journal.db, measured, good);
    const listed = withQuality(journal.db, listCalls(journal.db, { limit: 10 }));
    expect(listed.map((entry) => entry.quality)).toEqual([null, good]);
  });

  it('looks summaries up by the call’s key', () => {
    const plan = (
      journal.db.prepare(`EXPLAIN QUERY PLAN ${QUALITY_OF_CALL_SQL}`).all(1) as Array<{ detail: string }>
    )
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/USING (INTEGER PRIMARY KEY|PRIMARY KEY|INDEX)/);
  });
});
