/**
 * The shift soak (`npm run bench:soak`, after `npm run build`; never part of `npm test`): a busy
 * agent's shift compressed. The built renderer in Chromium against the real core (the browser
 * preview, a child process) and a real Kamailio; customers are stock sip.js pages in a second
 * Chromium (fake microphone audio, checked flowing both ways on sampled calls). Each call rings,
 * is answered and hung up through the window's bridge (so the window's media engine does the
 * WebRTC); every PROUD_EVERY-th call gets a "proud" mark, every BREAK_EVERY-th an abusive mark,
 * which starts a recovery break (short policy: ended at once, the floor being 0 s) and a
 * reflection. Prints main's RSS, the window's JS heap (after a forced GC) and its live
 * RTCPeerConnections at call 10, 100 and the last call (SOAK_CALLS, default 1,000).
 * Goals: heap and RSS within +10 MB of call 100 at the end; no peer connection left behind.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { DEFAULT_RECOVERY_POLICY } from '../../../main/settings/recovery-settings';
import { MEDIA_FLAGS, openAgent, openCustomer, type Customer } from '../../e2e/support/agent';
import { launchChromium, type LaunchedBrowser } from '../../e2e/support/chromium';
import { startCustomerSite } from '../../e2e/support/customer-site';
import { startPreviewProcess } from '../../e2e/support/preview-process';
import { createKamailio } from '../../node/phone/support/kamailio';
import { treeOf } from '../ui/process-memory';

import { bridge, installProbes, jsHeapMiB, livePeerConnections, ringingCall, until } from './agent-probes';

const CALLS = Number(process.env.SOAK_CALLS ?? 1_000);
const CHECKPOINTS = [...new Set([10, 100, CALLS])].filter((call) => call <= CALLS);
const PROUD_EVERY = 10;
const BREAK_EVERY = 50;
const AUDIO_EVERY = 25;
const AGENT_URI = 'sip:1001@127.0.0.1';

interface Checkpoint {
  call: number;
  rssMiB: number;
  heapMiB: number;
  livePeerConnections: number;
  elapsedS: number;
}

function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? NaN) / 1024;
}

function writeShortBreakPolicy(dataDir: string) {
  const recoveryPolicy = {
    ...DEFAULT_RECOVERY_POLICY,
    defaultBreakSeconds: 10,
    minimumBreakSeconds: 0,
    maximumBreakSeconds: 60,
    extendBySeconds: 10,
  };
  const settings = { settingsVersion: 2, account: null, language: 'en', recoveryPolicy };
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings));
}

/** Both directions carry audio: the customer receives the agent's and the agent's engine theirs. */
async function expectAudio(customer: Customer) {
  const before = (await customer.totals()).received;
  await until(
    customer.page,
    `window.customer.totals().then((totals) => totals.received > ${before + 10} && totals.sent > 10)`,
  );
}

/** After an abusive mark the break starts once the call ended; it is ended and reflected on. */
async function breakAndReflect(agent: Page) {
  await until(
    agent,
    'window.steadyline.breaks.get().then((result) => result.ok && result.value.active !== null)',
  );
  await bridge(agent, 'breaks.end()');
  const state = (await bridge(agent, 'breaks.get()')) as { reflection: { breakId: number } | null };
  if (!state.reflection) throw new Error('no reflection offered after the break');
  await bridge(
    agent,
    `reflections.save(${JSON.stringify({ breakId: state.reflection.breakId, mood: 3, difficulty: 2 })})`,
  );
  await until(
    agent,
    "window.steadyline.phone.getAvailability().then((result) => result.ok && result.value === 'available')",
  );
}

async function oneCall(agent: Page, customer: Customer, index: number) {
  await customer.call(AGENT_URI);
  const callId = await ringingCall(agent, index);
  await bridge(agent, `phone.answer(${JSON.stringify({ callId })})`);
  await until(customer.page, "window.customer.state() === 'Established'");
  const number = index + 1;
  if (number % AUDIO_EVERY === 0 || CHECKPOINTS.includes(number)) await expectAudio(customer);
  const abusive = number % BREAK_EVERY === 0;
  if (abusive || number % PROUD_EVERY === 0) {
    const mark = abusive
      ? { callId, kind: 'abusive', severity: 2, categories: ['shouting'] }
      : { callId, kind: 'proud' };
    await bridge(agent, `marks.add(${JSON.stringify(mark)})`);
  }
  await bridge(agent, `phone.hangup(${JSON.stringify({ callId })})`);
  await until(customer.page, "window.customer.state() === 'Terminated'");
  if (abusive) await breakAndReflect(agent);
}

async function main() {
  const kamailio = await createKamailio();
  await kamailio.start();
  const site = await startCustomerSite();
  const dataDir = mkdtempSync(join(tmpdir(), 'steadyline-soak-'));
  writeShortBreakPolicy(dataDir);
  const preview = await startPreviewProcess(dataDir);
  const browsers: LaunchedBrowser[] = [];
  const checkpoints: Checkpoint[] = [];
  const started = Date.now();
  try {
    const corePid = treeOf(process.pid, 'main/devtools/preview.ts')[0];
    if (!corePid) throw new Error('the core process was not found');
    const agentBrowser = await launchChromium(MEDIA_FLAGS);
    const customerBrowser = await launchChromium(MEDIA_FLAGS);
    browsers.push(agentBrowser, customerBrowser);
    const agent = await openAgent(agentBrowser, preview.url, kamailio.wsUrl);
    await installProbes(agent);
    const customers = [
      await openCustomer(customerBrowser, site, kamailio.wsUrl, { user: '0501234567', name: 'Noa' }),
      await openCustomer(customerBrowser, site, kamailio.wsUrl, { user: '0507654321', name: 'Avi' }),
    ];
    for (let index = 0; index < CALLS; index += 1) {
      await oneCall(agent, customers[index % customers.length] as Customer, index);
      const call = index + 1;
      if (!CHECKPOINTS.includes(call)) continue;
      checkpoints.push({
        call,
        rssMiB: rssMiB(corePid),
        heapMiB: await jsHeapMiB(agent),
        livePeerConnections: await livePeerConnections(agent),
        elapsedS: (Date.now() - started) / 1000,
      });
      console.log(JSON.stringify(checkpoints.at(-1)));
    }
  } finally {
    for (const browser of browsers) await browser.close();
    await preview.stop();
    await site.close();
    await kamailio.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const at100 = checkpoints.find((point) => point.call === 100);
  const cpu = cpus()[0]?.model ?? '?';
  console.log(
    `\nShift soak: ${CALLS} calls (marks every ${PROUD_EVERY}, break + reflection every ${BREAK_EVERY}), ` +
      `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log('| after call | main RSS | renderer JS heap (after GC) | live RTCPeerConnections | elapsed |');
  console.log('|---|---|---|---|---|');
  for (const point of checkpoints) {
    const delta = (value: number, base?: number) =>
      base === undefined || point.call <= 100
        ? ''
        : ` (${value - base >= 0 ? '+' : ''}${(value - base).toFixed(1)})`;
    console.log(
      `| ${point.call} | ${point.rssMiB.toFixed(1)} MiB${delta(point.rssMiB, at100?.rssMiB)} | ` +
        `${point.heapMiB.toFixed(1)} MiB${delta(point.heapMiB, at100?.heapMiB)} | ${point.livePeerConnections} | ${point.elapsedS.toFixed(0)} s |`,
    );
  }
  const last = checkpoints.at(-1);
  const leaks = checkpoints.some((point) => point.livePeerConnections !== 0);
  const grew = at100 && last && (last.rssMiB - at100.rssMiB > 10 || last.heapMiB - at100.heapMiB > 10);
  console.log(
    `\ngoals: no peer connection left behind: ${leaks ? 'MISSED' : 'met'}; within +10 MB of call 100: ${at100 && last !== at100 ? (grew ? 'MISSED' : 'met') : 'not measured (fewer than 101 calls)'}`,
  );
}

await main();
