/**
 * Collector benchmark (`npm run bench:collector`), against a real PostgreSQL server started for
 * it: 2,000 agents x 52 weeks loaded; week upserts at 200 requests/s for 30 s with autocannon
 * against a real collector process (p50/p99, errors, the process's RSS); the team-figures query
 * for 50 teams x 52 weeks. Goals: upsert p99 <= 20 ms with 0 errors; team figures <= 20 ms.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';

import autocannon from 'autocannon';
import pg from 'pg';

import { migrate } from '../../../collector/src/db/migrate';
import { openPostgres } from '../../../collector/src/db/postgres';
import { isoWeekOf } from '../../../collector/src/summaries/iso-week';
import { startPostgres } from '../../collector/support/postgres-server';
import { weekSummary } from '../../collector/support/summaries';
import { AGENTS_PER_TEAM, loadData, TEAMS, WEEKS } from './load-data';

const RATE = 200;
const DURATION_S = 30;
const K = 5;
const CLOSE_AFTER_DAYS = 2;
const SERVER = resolve(import.meta.dirname, '../../../collector/src/server.ts');

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const rssMiB = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function waitForCollector(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const ok = await fetch(`${url}/api/v1/weeks`).then(
      (response) => response.status === 401,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the collector did not start');
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const server = await startPostgres();
  const url = new URL(server.url);
  await admin(server.url, 'CREATE DATABASE bench');
  url.pathname = '/bench';
  const db = openPostgres({ connectionString: url.toString() });
  await migrate(db);
  const now = Date.now();
  const loadStart = process.hrtime.bigint();
  const data = await loadData(db, now, CLOSE_AFTER_DAYS);
  const loadMs = ms(loadStart);

  // Team figures: all 50 teams x 52 weeks in one query (teams_figures), and one team per call.
  const allTeams: number[] = [];
  const perTeam: number[] = [];
  for (let round = 0; round < 21; round += 1) {
    const start = process.hrtime.bigint();
    await db.query('SELECT * FROM teams_figures($1, $2, $3)', [K, data.teamIds, data.weeks]);
    if (round > 0) allTeams.push(ms(start));
  }
  for (let round = 0; round < 3; round += 1) {
    for (const teamId of data.teamIds) {
      const start = process.hrtime.bigint();
      await db.query('SELECT * FROM team_figures($1, $2, $3)', [K, teamId, data.weeks]);
      if (round > 0) perTeam.push(ms(start));
    }
  }

  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const collectorUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      COLLECTOR_PORT: String(port),
      COLLECTOR_RATE_LIMIT_MAX: '1000000',
      COLLECTOR_LOG_LEVEL: 'info',
    },
    stdio: 'ignore',
  });
  await waitForCollector(collectorUrl);
  const pid = child.pid ?? 0;
  const rssIdle = rssMiB(pid);
  const week = isoWeekOf(new Date(now));
  const body = JSON.stringify(weekSummary(week));
  const load = (seconds: number) =>
    autocannon({
      url: collectorUrl,
      connections: 10,
      overallRate: RATE,
      duration: seconds,
      requests: [
        {
          method: 'PUT',
          path: `/api/v1/weeks/${week}`,
          setupRequest: (request) => {
            const token = data.tokens[Math.floor(Math.random() * data.tokens.length)];
            return {
              ...request,
              body,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            };
          },
        },
      ],
    });
  await load(3);
  let rssPeak = 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMiB(pid))), 250);
  const result = await load(DURATION_S);
  clearInterval(sampler);
  child.kill('SIGTERM');
  await db.close();
  server.stop();

  const errors = result.errors + result.timeouts + result.non2xx;
  const rows: Array<[string, string, string]> = [
    [
      'data loaded',
      `${TEAMS * AGENTS_PER_TEAM} agents x ${WEEKS} weeks = ${data.rows} rows in ${(loadMs / 1000).toFixed(1)} s`,
      '',
    ],
    [
      'upserts sent',
      `${result.requests.total} in ${DURATION_S} s (${result.requests.average.toFixed(0)}/s, target ${RATE}/s)`,
      '',
    ],
    ['upsert latency p50', `${result.latency.p50.toFixed(1)} ms`, ''],
    [
      'upsert latency p99',
      `${result.latency.p99.toFixed(1)} ms`,
      result.latency.p99 <= 20 ? 'met (<= 20 ms)' : 'MISSED (<= 20 ms)',
    ],
    ['upsert errors (errors + timeouts + non-2xx)', String(errors), errors === 0 ? 'met (0)' : 'MISSED (0)'],
    [
      'team figures, 50 teams x 52 weeks in one query, p50 / p99',
      `${percentile(allTeams, 50).toFixed(1)} / ${percentile(allTeams, 99).toFixed(1)} ms`,
      percentile(allTeams, 99) <= 20 ? 'met (<= 20 ms)' : 'MISSED (<= 20 ms)',
    ],
    [
      'team figures, 1 team x 52 weeks per query, p50 / p99',
      `${percentile(perTeam, 50).toFixed(2)} / ${percentile(perTeam, 99).toFixed(2)} ms`,
      '',
    ],
    ['collector RSS idle / peak under load', `${rssIdle.toFixed(0)} / ${rssPeak.toFixed(0)} MiB`, ''],
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0), 6));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ')} |`;
  process.stdout.write(
    [
      `Collector benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, PostgreSQL (Debian) on loopback; load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after (other work on the machine slows every figure)`,
      line(['what', 'figure', 'goal']),
      line(widths.map((width) => '-'.repeat(width))),
      ...rows.map(line),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
