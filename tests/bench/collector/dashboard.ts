/**
 * Dashboard benchmark, against a real PostgreSQL server: one team of 50 agents x 52 weeks (a
 * third named, some asking for a check-in), put through the collector's own API. Measures the
 * lead's dashboard API (each route, signed in, over HTTP; goal p99 <= 30 ms), the page's
 * JavaScript gzipped (goal <= 150 KB) and the first meaningful render in Chromium: navigation
 * start to the 12-week table drawn (goal <= 300 ms). `benchDashboard` returns table rows for
 * `npm run bench:collector`; run alone: `bash scripts/run-isolated.sh tsx tests/bench/collector/dashboard.ts`
 * (after `npm run build:dashboard`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';

import pg from 'pg';

import { buildCollector } from '../../../collector/src/app';
import { systemClock } from '../../../collector/src/clock';
import { parseCollectorConfig } from '../../../collector/src/config';
import { DASHBOARD_DIST } from '../../../collector/src/dashboard-api/page';
import { migrate } from '../../../collector/src/db/migrate';
import { openPostgres } from '../../../collector/src/db/postgres';
import { createCollectorLogger } from '../../../collector/src/logger';
import { isoWeekOf, weeksEndingWith } from '../../../collector/src/summaries/iso-week';
import { addLead, createTeam } from '../../../collector/src/teams';
import { hashPassword } from '../../../collector/src/auth/passwords';
import { setPasswordHash } from '../../../collector/src/leads/leads';
import { startPostgres } from '../../collector/support/postgres-server';
import { weekSummary } from '../../collector/support/summaries';
import { launchChromium } from '../../e2e/support/chromium';

const AGENTS = 50;
const WEEKS = 52;
const ROUNDS = 300;
const RENDERS = 7;
const PASSWORD = 'bench lead password';

type Row = [string, string, string];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const goal = (ok: boolean, text: string) => (ok ? `met (${text})` : `MISSED (${text})`);

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The team's 50 installs each share 52 weeks through the agent API. */
async function load(base: string, code: string, now: number): Promise<void> {
  const weeks = weeksEndingWith(isoWeekOf(new Date(now - 7 * 86_400_000)), WEEKS);
  for (let agent = 0; agent < AGENTS; agent += 1) {
    const enrolled = (await (
      await post(`${base}/api/v1/enrollments`, { code, installLabel: `BENCH-${agent}` })
    ).json()) as {
      token: string;
    };
    const named = agent % 3 === 0;
    await Promise.all(
      weeks.map(async (week, index) => {
        const body = weekSummary(week, {
          ...(named ? { consent: 'named', agentName: `Agent ${agent + 1}` } : {}),
          checkInRequested: (agent + index) % 7 === 0,
          breaks: {
            taken: (agent + index) % 5,
            minutes: ((agent + index) % 5) * 5,
            extended: index % 2,
            endedEarly: 0,
          },
        });
        const response = await fetch(`${base}/api/v1/weeks/${week}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`put ${week}: ${response.status} ${await response.text()}`);
      }),
    );
  }
}

function bundleKb(): number {
  const dir = join(DASHBOARD_DIST, 'assets');
  return (
    readdirSync(dir)
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, 0) / 1024
  );
}

/** Measures a collector already holding the team; returns the benchmark table's rows. */
export async function benchDashboard(
  base: string,
  teamId: string,
  cookie: string,
  lead: { login: string; password: string },
): Promise<Row[]> {
  const routes = ['weeks', 'named', 'check-ins'].map((route) => `/api/dashboard/v1/teams/${teamId}/${route}`);
  const samples = new Map(routes.map((route) => [route, [] as number[]]));
  for (const route of routes) await fetch(`${base}${route}`, { headers: { cookie } }); // warm (freezes weeks)
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const route of routes) {
      const start = process.hrtime.bigint();
      const response = await fetch(`${base}${route}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${route} answered ${response.status}`);
      samples.get(route)?.push(ms(start));
    }
  }
  const all = [...samples.values()].flat();
  const rows: Row[] = routes.map((route) => {
    const values = samples.get(route) ?? [];
    return [
      `dashboard API ${route.split('/').at(-1)}, p50 / p99`,
      `${percentile(values, 50).toFixed(1)} / ${percentile(values, 99).toFixed(1)} ms`,
      '',
    ];
  });
  rows.push([
    `dashboard API, all routes (${all.length} requests), p50 / p99`,
    `${percentile(all, 50).toFixed(1)} / ${percentile(all, 99).toFixed(1)} ms`,
    goal(percentile(all, 99) <= 30, 'p99 <= 30 ms'),
  ]);
  const kb = bundleKb();
  rows.push(['dashboard JavaScript, gzipped', `${kb.toFixed(1)} KB`, goal(kb <= 150, '<= 150 KB')]);

  const browser = await launchChromium();
  const renders: number[] = [];
  try {
    // Signed in once through the page itself; the session cookie then serves every load.
    const first = await browser.context.newPage();
    await first.goto(`${base}/dashboard/?lang=en`);
    await first.getByLabel('Login').fill(lead.login);
    await first.getByLabel('Password', { exact: true }).fill(lead.password);
    await first.getByRole('button', { name: 'Sign in' }).click();
    await first.locator('table[data-table="weeks"]').waitFor();
    await first.close();
    for (let round = 0; round < RENDERS; round += 1) {
      const page = await browser.context.newPage();
      await page.goto(`${base}/dashboard/?lang=en`);
      await page.locator('table[data-table="weeks"] tbody tr').nth(11).waitFor();
      const at = await page.evaluate(() => performance.now());
      if (process.env.BENCH_TRACE) {
        const trace = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map(
              (e) =>
                `${e.name.split('/').slice(-2).join('/')} ${e.startTime.toFixed(0)}-${(e as unknown as { responseEnd: number }).responseEnd.toFixed(0)}`,
            ),
        );
        process.stderr.write(`${at.toFixed(0)} ms: ${trace.join(' | ')}\n`);
      }
      if (round > 0) renders.push(at); // the first load fills the browser's cache
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const render = percentile(renders, 50);
  rows.push([
    `first meaningful render, 12 weeks (median of ${renders.length})`,
    `${render.toFixed(0)} ms (max ${Math.max(...renders).toFixed(0)} ms)`,
    goal(render <= 300, '<= 300 ms'),
  ]);
  return rows;
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_dashboard');
  await admin.end();
  const url = new URL(server.url);
  url.pathname = '/bench_dashboard';
  const db = openPostgres({ connectionString: url.toString() });
  await migrate(db);
  const config = parseCollectorConfig({ enrollRateLimitMax: 1000, rateLimitMax: 1_000_000 });
  const app = await buildCollector({
    db,
    clock: systemClock,
    logger: createCollectorLogger({ level: 'warn' }),
    config,
  });
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://localhost:${port}`;
  try {
    const now = Date.now();
    const team = await createTeam(db, 'Bench team', new Date(now));
    const loadStart = process.hrtime.bigint();
    await load(base, team.code, now);
    const loadMs = ms(loadStart);
    const leadId = await addLead(db, {
      username: 'bench-lead',
      displayName: 'Bench lead',
      teamId: team.id,
      now: new Date(now),
    });
    await setPasswordHash(db, leadId, await hashPassword(PASSWORD), new Date(now));
    const signedIn = await post(`${base}/api/dashboard/v1/session`, {
      login: 'bench-lead',
      password: PASSWORD,
    });
    const cookie = /^(__Host-steadyline-lead=[^;]+)/.exec(signedIn.headers.getSetCookie()[0] ?? '')?.[1];
    if (!cookie) throw new Error(`sign-in answered ${signedIn.status}`);
    const rows: Row[] = [
      [
        'data',
        `1 team, ${AGENTS} agents x ${WEEKS} weeks through the agent API in ${(loadMs / 1000).toFixed(1)} s`,
        '',
      ],
      ...(await benchDashboard(base, team.id, cookie, { login: 'bench-lead', password: PASSWORD })),
    ];
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0), 6));
    const line = (cells: string[]) =>
      `| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ')} |`;
    process.stdout.write(
      [
        `Dashboard benchmark, ${new Date().toISOString().slice(0, 10)}, PostgreSQL (Debian) on loopback, Debian Chromium; load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after (other work on the machine slows every figure)`,
        line(['what', 'figure', 'goal']),
        line(widths.map((width) => '-'.repeat(width))),
        ...rows.map(line),
        '',
      ].join('\n'),
    );
  } finally {
    await app.close();
    await db.close();
    server.stop();
  }
}

if (process.argv[1]?.endsWith('dashboard.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
