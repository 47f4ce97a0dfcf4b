/**
 * Journal benchmark (`npm run bench:journal`): one complete call record insert (call, mark, break,
 * reflection in one transaction), and the weekly summary over a synthetic busy year.
 * Targets: p99 insert <= 1 ms; weekly summary <= 10 ms.
 */
import { cpus } from 'node:os';

import { silentLogger } from '../../../main/logging/logger';
import { openJournal } from '../../../main/journal/open-journal';
import { recordCompleteCall, type CompleteCall } from '../../../main/journal/record-call';
import { weeklySummary } from '../../../main/journal/weekly-summary';
import { journalPath } from '../../node/journal/support/journal-files';

const INSERTS = 5_000;
const YEAR = { calls: 60_000, breaks: 3_000, reflections: 2_000 };
const WEEK_MS = 7 * 24 * 3600 * 1000;
const YEAR_START = Date.UTC(2026, 0, 1);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const time = (action: () => void) => {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

function entry(at: number, index: number): CompleteCall {
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

function benchInserts(): number[] {
  const journal = openJournal({ file: journalPath(), logger: silentLogger() });
  const samples = Array.from({ length: INSERTS }, (_, index) =>
    time(() => recordCompleteCall(journal.db, entry(YEAR_START + index * 60_000, index))),
  );
  journal.close();
  return samples.sort((a, b) => a - b);
}

function fillBusyYear() {
  const journal = openJournal({ file: journalPath(), logger: silentLogger() });
  const { db } = journal;
  const spacing = (365 * 24 * 3600 * 1000) / YEAR.calls;
  db.transaction(() => {
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
    for (let i = 0; i < YEAR.calls; i += 1) {
      const at = Math.round(YEAR_START + i * spacing);
      const callId = Number(
        call.run(`sip:${i}@pbx`, `Caller ${i}`, `y-${i}`, at, at + 120_000).lastInsertRowid,
      );
      if (i % (YEAR.calls / YEAR.breaks) !== 0) continue;
      mark.run(callId, at + 121_000);
      const breakId = Number(pause.run(callId, at + 122_000).lastInsertRowid);
      if ((i / (YEAR.calls / YEAR.breaks)) % 3 !== 2) reflect.run(breakId, callId, at + 300_000);
    }
  })();
  db.pragma('optimize');
  return journal;
}

function benchWeekly(): number[] {
  const journal = fillBusyYear();
  const samples = Array.from({ length: 50 }, (_, run) => {
    const weekStart = YEAR_START + (run % 52) * WEEK_MS;
    return time(() => weeklySummary(journal.db, { weekStart, weekEnd: weekStart + WEEK_MS }));
  });
  journal.close();
  return samples.sort((a, b) => a - b);
}

const inserts = benchInserts();
const weekly = benchWeekly();
const row = (what: string, sorted: number[], target: string) =>
  `| ${what} | ${percentile(sorted, 0.5).toFixed(3)} | ${percentile(sorted, 0.99).toFixed(3)} | ${target} |`;
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, node ${process.version}`);
console.log('| what | p50 ms | p99 ms | target |');
console.log('|---|---|---|---|');
console.log(row(`insert one complete call record (n=${INSERTS}, real file, WAL)`, inserts, 'p99 <= 1 ms'));
console.log(
  row(
    `weekly summary, busy year (${YEAR.calls} calls, ${YEAR.breaks} breaks, ${Math.round(YEAR.reflections)} reflections; n=50)`,
    weekly,
    '<= 10 ms',
  ),
);
