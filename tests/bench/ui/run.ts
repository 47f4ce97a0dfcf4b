/**
 * UI benchmark (`npm run bench:ui`, after `npm run build`): the built renderer in Debian Chromium
 * against the real core (browser preview) and a real Kamailio on loopback; customers are stock
 * sip.js pages in a second Chromium. Prints a table; never part of `npm test`.
 *   - INVITE at the engine (CallState.startedAt, stamped as sip.js hands the INVITE over) -> the
 *     incoming card in the DOM (MutationObserver), 20 calls.            goal <= 50 ms
 *   - Answer click -> 200 OK sent (CallState.answeredAt, stamped as the 200 OK goes out), with an
 *     unreachable STUN server (a UDP socket that never answers) configured, 10 calls answered
 *     after 1 s of ringing (a quick human) and 10 at once.              goal <= 300 ms
 *   - renderer JS gzipped                                               goal <= 250 KB
 *   - renderer JS heap after a minute idle, after a forced GC (CDP)     goal <= 30 MB
 *   - PSS of the whole Chromium tree: Steadyline registered and idle vs a bare page running stock
 *     sip.js registered, same run, same idle time                      goal <= 1.1x
 */
import { createSocket } from 'node:dgram';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { Page } from 'playwright-core';

import { MEDIA_FLAGS, openAgent, openCustomer, WAIT, type Customer } from '../../e2e/support/agent';
import { launchChromium, type LaunchedBrowser } from '../../e2e/support/chromium';
import { startCustomerSite } from '../../e2e/support/customer-site';
import { startPreviewProcess } from '../../e2e/support/preview-process';
import { createKamailio } from '../../node/phone/support/kamailio';

import { pssMiB, treeOf } from './process-memory';
import { installStamps, percentile, readStamps } from './timing';

const AGENT_URI = 'sip:1001@127.0.0.1';
const INCOMING_CALLS = 20;
const ANSWERED_CALLS = 10;
const IDLE_MS = 60_000;
const RENDERER_ASSETS = resolve(import.meta.dirname, '../../../out/renderer/assets');

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function untilIdle(agent: Page, customer: Customer) {
  const busy = agent.locator('[data-testid="in-call"], [data-testid="incoming-call"]');
  for (let tries = 0; tries < 200 && (await busy.count()) > 0; tries += 1) await wait(50);
  for (let tries = 0; tries < 100 && (await customer.state()) !== 'Terminated'; tries += 1) await wait(50);
  await wait(200);
}

async function incomingCardLatencies(agent: Page, customer: Customer): Promise<number[]> {
  for (let call = 0; call < INCOMING_CALLS; call += 1) {
    await customer.call(AGENT_URI);
    await agent.getByTestId('incoming-call').waitFor(WAIT);
    await wait(200);
    await customer.page.evaluate('window.customer.hangup()');
    await untilIdle(agent, customer);
  }
  const stamps = await readStamps(agent);
  const starts = Object.values(stamps.calls)
    .map((call) => call.startedAt)
    .sort((a, b) => a - b);
  return Object.values(stamps.cards).map((visibleAt, index) => visibleAt - (starts[index] ?? NaN));
}

async function answerLatencies(agent: Page, customer: Customer, ringFor: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let call = 0; call < ANSWERED_CALLS; call += 1) {
    await customer.call(AGENT_URI);
    const card = agent.getByTestId('incoming-call');
    await card.waitFor(WAIT);
    await wait(ringFor);
    await card.getByRole('button', { name: 'Answer' }).click();
    await agent.getByTestId('in-call').getByText('Connected').waitFor(WAIT);
    const stamps = await readStamps(agent);
    const answered = Object.values(stamps.calls).filter((entry) => entry.answeredAt !== null);
    const latest = Math.max(...answered.map((entry) => entry.answeredAt ?? 0));
    latencies.push(latest - (stamps.clicks.at(-1) ?? NaN));
    await agent.getByTestId('in-call').getByRole('button', { name: 'Hang up' }).click();
    await untilIdle(agent, customer);
  }
  return latencies;
}

async function useUnreachableStun(agent: Page, port: number) {
  await agent.getByRole('button', { name: 'Settings' }).click();
  await agent.getByLabel('STUN/TURN servers').fill(`stun:127.0.0.1:${port}`);
  await agent.getByRole('button', { name: 'Save call settings' }).click();
  await agent.getByText('Call settings saved.').waitFor(WAIT);
  await agent.getByRole('button', { name: 'Phone' }).click();
}

async function jsHeapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}

function rendererGzipKiB(): number {
  const files = readdirSync(RENDERER_ASSETS).filter((name) => name.endsWith('.js'));
  return (
    files.reduce(
      (sum, name) => sum + gzipSync(readFileSync(join(RENDERER_ASSETS, name)), { level: 9 }).length,
      0,
    ) / 1024
  );
}

async function main() {
  const kamailio = await createKamailio();
  await kamailio.start();
  const site = await startCustomerSite();
  const blackHole = createSocket('udp4'); // a STUN server that never answers
  let stunRequests = 0;
  blackHole.on('message', () => (stunRequests += 1));
  await new Promise<void>((bound) => blackHole.bind(0, '127.0.0.1', bound));
  const dataDir = mkdtempSync(join(tmpdir(), 'steadyline-bench-ui-'));
  const preview = await startPreviewProcess(dataDir);
  const browsers: LaunchedBrowser[] = [];
  try {
    const agentBrowser = await launchChromium(MEDIA_FLAGS);
    browsers.push(agentBrowser);
    const agent = await openAgent(agentBrowser, preview.url, kamailio.wsUrl);
    await useUnreachableStun(agent, blackHole.address().port);
    await wait(IDLE_MS);
    const heap = await jsHeapMiB(agent);
    const steadylineTree = treeOf(process.pid, 'chrom');
    const steadylinePss = pssMiB(steadylineTree);

    const customerBrowser = await launchChromium(MEDIA_FLAGS);
    browsers.push(customerBrowser);
    const customer = await openCustomer(customerBrowser, site, kamailio.wsUrl, {
      user: '0501234567',
      name: 'Noa',
    });
    await installStamps(agent);
    const cards = await incomingCardLatencies(agent, customer);
    const humanAnswers = await answerLatencies(agent, customer, 1_000);
    const instantAnswers = await answerLatencies(agent, customer, 0);
    for (const browser of browsers.splice(0)) await browser.close();

    const bareBrowser = await launchChromium(MEDIA_FLAGS);
    browsers.push(bareBrowser);
    await openCustomer(bareBrowser, site, kamailio.wsUrl, { user: '0509999999', name: 'Bare' });
    await wait(IDLE_MS);
    const bareTree = treeOf(process.pid, 'chrom');
    const barePss = pssMiB(bareTree);

    const ms = (values: number[]) =>
      `${percentile(values, 50).toFixed(0)} / ${percentile(values, 95).toFixed(0)} ms`;
    const rows: Array<[string, string, string]> = [
      [
        `INVITE at the engine -> incoming card visible (p50 / p95, ${cards.length} calls)`,
        ms(cards),
        '<= 50 ms',
      ],
      [
        `Answer click -> 200 OK sent, unreachable STUN, after 1 s ringing (${humanAnswers.length})`,
        ms(humanAnswers),
        '<= 300 ms',
      ],
      [
        `Answer click -> 200 OK sent, unreachable STUN, at once (${instantAnswers.length})`,
        ms(instantAnswers),
        '<= 300 ms',
      ],
      ['renderer JS, gzipped', `${rendererGzipKiB().toFixed(0)} KiB`, '<= 250 KB'],
      ['renderer JS heap after 1 min idle (after GC)', `${heap.toFixed(1)} MiB`, '<= 30 MB'],
      [
        `Chromium tree PSS: Steadyline registered, 1 min idle (${steadylineTree.length} processes)`,
        `${steadylinePss.toFixed(0)} MiB`,
        '',
      ],
      [
        `Chromium tree PSS: bare page, stock sip.js registered, 1 min idle (${bareTree.length} processes)`,
        `${barePss.toFixed(0)} MiB`,
        '',
      ],
      ['ratio Steadyline / bare page', (steadylinePss / barePss).toFixed(2), '<= 1.1'],
    ];
    console.log(
      `\nUI benchmark: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
    );
    console.log(`(the unreachable STUN server swallowed ${stunRequests} requests)\n`);
    console.log('| what | measured | goal |\n|---|---|---|');
    for (const [what, measured, goal] of rows) console.log(`| ${what} | ${measured} | ${goal} |`);
  } finally {
    for (const browser of browsers) await browser.close();
    await preview.stop();
    await site.close();
    await kamailio.stop();
    blackHole.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
