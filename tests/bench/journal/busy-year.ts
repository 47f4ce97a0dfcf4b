/** Synthetic journals for the benchmark: one complete call record, and a busy agent's year. */
import type Database from 'better-sqlite3';

import type { CompleteCall } from '../../../main/journal/record-call';

export const YEAR = { calls: 60_000, breaks: 3_000, reflections: 2_000 };
export const YEAR_START = Date.UTC(2026, 0, 1);

export function completeCall(at: number, index: number): CompleteCall {
  return {
    call: {
      direction: 'inbound',
      remoteUri: `sip:+97250${index}@pbx`,
      remoteDisplayName: `Caller ${index}`,
      sipCallId: `bench-${index}`,
      startedAt: at,
      endedAt: at + 180_000,
      endReason: 'remote-hangup',
      sipStatus: null,
    },
    mark: { kind: 'abusive', severity: 2, categories: ['shouting', 'insults'], createdAt: at + 181_000 },
    break: {
      trigger: 'abusive-call',
      startedAt: at + 182_000,
      plannedSeconds: 90,
      actualSeconds: 90,
      endedHow: 'completed',
    },
    reflection: {
      createdAt: at + 300_000,
      mood: 3,
      difficulty: 4,
      notAboutMe: 4,
      privateNote: 'A short private note.',
      wantsFollowUp: false,
      tags: ['breathing'],
    },
  };
}

/** 60,000 calls spread over the year; every 20th is marked abusive and gets a break, 2 in 3 a reflection. */
export function fillBusyYear(db: Database.Database): void {
  const spacing = (365 * 24 * 3600 * 1000) / YEAR.calls;
  const everyNth = YEAR.calls / YEAR.breaks;
  const call = db.prepare(
    "INSERT INTO calls (direction, remote_uri, remote_display_name, sip_call_id, started_at, ended_at, end_reason) VALUES ('inbound', ?, ?, ?, ?, ?, 'remote-hangup')",
  );
  const mark = db.prepare(
    "INSERT INTO call_marks (call_id, kind, severity, created_at) VALUES (?, 'abusive', 2, ?)",
  );
  const pause = db.prepare(
    "INSERT INTO breaks (call_id, trigger, started_at, planned_seconds, actual_seconds, ended_how) VALUES (?, 'abusive-call', ?, 90, 90, 'completed')",
  );
  const reflect = db.prepare(
    'INSERT INTO reflections (break_id, call_id, created_at, mood, difficulty) VALUES (?, ?, ?, 3, 3)',
  );
  db.transaction(() => {
    for (let i = 0; i < YEAR.calls; i += 1) {
      const at = Math.round(YEAR_START + i * spacing);
      const callId = Number(
        call.run(`sip:${i}@pbx`, `Caller ${i}`, `y-${i}`, at, at + 120_000).lastInsertRowid,
      );
      if (i % everyNth !== 0) continue;
      mark.run(callId, at + 121_000);
      const breakId = Number(pause.run(callId, at + 122_000).lastInsertRowid);
      if ((i / everyNth) % 3 !== 2) reflect.run(breakId, callId, at + 300_000);
    }
  })();
  db.pragma('optimize');
}
