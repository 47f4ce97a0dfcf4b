/**
 * Journal benchmark (`npm run bench:journal`): one complete call record insert (call, mark, break,
 * reflection in one transaction), and the weekly summary over a synthetic busy year.
 * Targets: p99 insert <= 1 ms; weekly summary <= 10 ms. Other rows are for information.
 */
import { cpus } from 'node:os';

import { listCalls } from '../../../main/journal/calls';
import { openJournal } from '../../../main/journal/open-journal';
import { recordCompleteCall } from '../../../main/journal/record-call';
import { weeklySummary } from '../../../main/journal/weekly-summary';
import { silentLogger } from '../../../main/logging/logger';
import { journalPath } from '../../node/journal/support/journal-files';

import { completeCall, fillBusyYear, YEAR, YEAR_START } from './busy-year';

const INSERTS = 5_000;
/** The core checkpoints on an idle timer; 100 records between two checkpoints is a very busy agent. */
const RECORDS_PER_IDLE_CHECKPOINT = 100;
const WEEK_MS = 7 * 24 * 3600 * 1000;

const open = (file = journalPath()) => openJournal({ file, logger: silentLogger() });
const time = (action: () => void) => {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const repeat = (runs: number, action: (run: number) => void) =>
  Array.from({ length: runs }, (_, run) => time(() => action(run)));

/** Insert timings; with `idleCheckpoints`, the WAL is checkpointed between records, untimed. */
function benchInserts(idleCheckpoints: boolean) {
  const journal = open();
  const inserts: number[] = [];
  const checkpoints: number[] = [];
  for (let index = 0; index < INSERTS; index += 1) {
    const record = completeCall(YEAR_START + index * 60_000, index);
    inserts.push(time(() => recordCompleteCall(journal.db, record)));
    if (idleCheckpoints && (index + 1) % RECORDS_PER_IDLE_CHECKPOINT === 0) {
      checkpoints.push(time(() => journal.checkpoint()));
    }
  }
  journal.close();
  return { inserts, checkpoints };
}

function benchBusyYear() {
  const file = journalPath();
  const filling = open(file);
  fillBusyYear(filling.db);
  filling.close();
  const opens = repeat(10, () => open(file).close());
  const journal = open(file);
  const weekly = repeat(50, (run) => {
    const weekStart = YEAR_START + (run % 52) * WEEK_MS;
    weeklySummary(journal.db, { weekStart, weekEnd: weekStart + WEEK_MS });
  });
  const firstPage = repeat(50, () => listCalls(journal.db, { limit: 50 }));
  const searchMiss = repeat(20, () => listCalls(journal.db, { limit: 50, search: 'nobody by this name' }));
  journal.close();
  return { opens, weekly, firstPage, searchMiss };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
function row(what: string, samples: number[], target = '') {
  const sorted = [...samples].sort((a, b) => a - b);
  const cells = [0.5, 0.99, 1].map((p) => percentile(sorted, p).toFixed(3));
  return `| ${what} (n=${samples.length}) | ${cells.join(' | ')} | ${target} |`;
}

const steady = benchInserts(true);
const backToBack = benchInserts(false);
const year = benchBusyYear();
const busyYear = `busy year: ${YEAR.calls} calls, ${YEAR.breaks} breaks, ${YEAR.reflections} reflections`;
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, node ${process.version}`);
console.log(
  [
    '| what | p50 ms | p99 ms | max ms | target |',
    '|---|---|---|---|---|',
    row(
      'insert one complete call record, real file, WAL checkpointed while idle',
      steady.inserts,
      'p99 <= 1',
    ),
    row('  the idle checkpoint itself (every 100 records, off the call path)', steady.checkpoints),
    row('insert one complete call record, back to back, SQLite autocheckpoint inline', backToBack.inserts),
    row(`weekly summary, ${busyYear}`, year.weekly, '<= 10'),
    row(`list newest 50 calls, ${busyYear}`, year.firstPage),
    row(`search matching nothing (walks every call), ${busyYear}`, year.searchMiss),
    row(`open the busy year's journal (quick_check + migrations)`, year.opens),
  ].join('\n'),
);
