/**
 * SIP benchmark (`npm run bench:sip`): sipp calls Steadyline's engine and baresip, registered on
 * the same loopback Kamailio, in alternating rounds. Prints INVITE→200 OK (from a packet capture),
 * sequential call setups per second, CPU per call, and RSS idle / after 1,000 / after 10,000 calls.
 * Needs kamailio, sip-tester, baresip-core and tcpdump (Debian) and root for the capture.
 */
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { createKamailio, TESTBED_PASSWORD } from '../../node/phone/support/kamailio';
import { freePort } from '../../node/phone/support/ports';
import { runSipp } from '../../node/phone/support/sipp';

import { startBaresip } from './baresip';
import { inviteToOkTimes } from './pcap';

/** How much our JS heap may grow over the first 1,000 calls (after a full collection). */
const HEAP_GROWTH_GOAL_MIB = 64;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 10);
const TOTAL_CALLS = Number(process.env.BENCH_TOTAL_CALLS ?? 10_000);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_SECONDS ?? 35) * 1000;
/** A folder for a CPU profile of the engine (`node --cpu-prof`), written when the engine exits. */
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;
const SCENARIO = resolve(import.meta.dirname, 'caller-bench.xml');
const work = mkdtempSync(join(tmpdir(), 'steadyline-bench-sip-'));

const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 100 Hz ticks
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
};
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Everything started so far, stopped in reverse order however the run ends. */
const running: Array<() => unknown> = [];
let shuttingDown = false;
async function shutDown(exitCode: number): Promise<never> {
  shuttingDown = true;
  for (const stop of running.reverse()) await Promise.resolve(stop()).catch(() => undefined);
  process.exit(exitCode);
}
async function fail(error: unknown): Promise<never> {
  console.error(error);
  return shutDown(1);
}

interface Engine {
  pid: number;
  /** Runs a full garbage collection in the engine and returns its JS heap in MiB. */
  collect(): Promise<number>;
  stop(): Promise<void>;
}

async function startEngine(wsUrl: string): Promise<Engine> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      ...(CPU_PROFILE_DIR
        ? ['--cpu-prof', '--cpu-prof-interval', '200', `--cpu-prof-dir=${CPU_PROFILE_DIR}`]
        : []),
      '--import',
      'tsx',
      resolve(import.meta.dirname, 'engine-process.ts'),
      wsUrl,
      'agent',
      TESTBED_PASSWORD,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stopping = false;
  const stop = () =>
    new Promise<void>((done) => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  running.push(stop);
  child.once('exit', (code, signal) => {
    if (!stopping && !shuttingDown)
      void fail(new Error(`the engine exited during the run (${signal ?? code})`));
  });
  await new Promise<void>((ready, notReady) => {
    const timer = setTimeout(() => notReady(new Error('engine did not register')), 15_000);
    child.stdout.on(
      'data',
      (chunk: Buffer) => chunk.toString().includes('READY') && (clearTimeout(timer), ready()),
    );
  });
  const collect = () =>
    new Promise<number>((done) => {
      const onData = (chunk: Buffer) => {
        const heap = /MEMORY heapUsed=([\d.]+)/.exec(chunk.toString())?.[1];
        if (!heap) return;
        child.stdout.off('data', onData);
        done(Number(heap));
      };
      child.stdout.on('data', onData);
      child.kill('SIGUSR2');
    });
  return { pid: child.pid ?? 0, collect, stop };
}

async function main() {
  const kamailio = await createKamailio();
  running.push(() => kamailio.stop());
  await kamailio.start();
  // sipp binds this port itself and swallows the RTP baresip sends to its SDP address.
  const mediaPort = await freePort();
  const engine = await startEngine(kamailio.wsUrl);
  const baresip = await startBaresip(kamailio.udpPort, await freePort(), 'peer');
  running.push(() => baresip.stop());
  const uas = [
    {
      name: 'Steadyline engine (sip.js, patched)',
      user: 'agent',
      pid: engine.pid,
      calls: 0,
      times: [] as number[],
      seconds: 0,
      cpu: 0,
      rss: [] as number[],
    },
    {
      name: 'baresip 1.0 (Debian)',
      user: 'peer',
      pid: baresip.pid,
      calls: 0,
      times: [] as number[],
      seconds: 0,
      cpu: 0,
      rss: [] as number[],
    },
  ];

  /** Sequential calls (one at a time, as fast as the callee answers) from sipp on `port`. */
  const sipp = (user: string, port: number, extra: string[], timeoutMs: number) => {
    const run = runSipp(
      [
        '-sf',
        SCENARIO,
        '-s',
        user,
        `127.0.0.1:${kamailio.udpPort}`,
        '-i',
        '127.0.0.1',
        '-p',
        String(port),
      ].concat(['-mp', String(mediaPort), '-l', '1', '-r', '10000', '-recv_timeout', '5000', ...extra]),
      timeoutMs,
    );
    running.push(run.kill);
    return run;
  };

  const heap: number[] = [];
  // Memory is read once finished transactions have expired (SIP timers keep them 32 s) and after
  // a full collection in our engine, so the figures show what stays, not what is waiting for GC.
  const settleAndMeasure = async () => {
    await sleep(SETTLE_MS);
    heap.push(await engine.collect());
    for (const ua of uas) ua.rss.push(rssMiB(ua.pid));
  };
  progress('both user agents registered; idle 3 s');
  await sleep(3000);
  heap.push(await engine.collect());
  for (const ua of uas) ua.rss.push(rssMiB(ua.pid));
  for (const ua of uas) {
    progress(`1,000 calls to ${ua.name}`);
    const warm = await sipp(ua.user, await freePort(), ['-m', '1000'], 300_000).done;
    if (warm.exitCode !== 0) progress(`sipp reported failures:\n${warm.output.slice(-800)}`);
    ua.calls += 1000;
  }
  await settleAndMeasure();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const ua of uas) {
      progress(`round ${round + 1}: ${ua.name}`);
      const port = await freePort();
      const capture = join(work, `${ua.user}-${round}.pcap`);
      const tcpdump = spawn(
        'tcpdump',
        ['-i', 'lo', '--immediate-mode', '-U', '-w', capture, `udp and port ${port}`],
        { stdio: 'ignore' },
      );
      running.push(() => tcpdump.kill());
      await sleep(800);
      const cpuBefore = cpuMs(ua.pid);
      await sipp(ua.user, port, ['-timeout', `${ROUND_SECONDS}s`], (ROUND_SECONDS + 15) * 1000).done;
      ua.cpu += cpuMs(ua.pid) - cpuBefore;
      await sleep(500);
      tcpdump.kill('SIGTERM');
      await new Promise((done) => tcpdump.once('exit', done));
      const times = inviteToOkTimes(capture);
      ua.times.push(...times);
      ua.calls += times.length;
      ua.seconds += ROUND_SECONDS;
    }
  }
  for (const ua of uas) {
    const remaining = Math.max(0, TOTAL_CALLS - ua.calls);
    if (remaining > 0) await sipp(ua.user, await freePort(), ['-m', String(remaining)], 1_200_000).done;
    ua.calls = Math.max(ua.calls, TOTAL_CALLS);
  }
  await settleAndMeasure();

  const [ours, peer] = uas as [(typeof uas)[0], (typeof uas)[0]];
  const rate = (ua: typeof ours) => ua.times.length / ua.seconds;
  const row = (label: string, a: string, b: string, ratio: string) =>
    console.log(`| ${label} | ${a} | ${b} | ${ratio} |`);
  console.log(
    `machine: ${cpus()[0]?.model ?? '?'}, ${cpus().length} cores, node ${process.version}; ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s`,
  );
  row('metric', ours.name, peer.name, 'ratio (ours / baresip)');
  row('---', '---', '---', '---');
  row(
    'INVITE→200 OK p50 (ms, pcap)',
    percentile(ours.times, 0.5).toFixed(2),
    percentile(peer.times, 0.5).toFixed(2),
    (percentile(ours.times, 0.5) / percentile(peer.times, 0.5)).toFixed(2),
  );
  row(
    'INVITE→200 OK p95 (ms, pcap)',
    percentile(ours.times, 0.95).toFixed(2),
    percentile(peer.times, 0.95).toFixed(2),
    (percentile(ours.times, 0.95) / percentile(peer.times, 0.95)).toFixed(2),
  );
  row(
    'sequential call setups per second',
    rate(ours).toFixed(1),
    rate(peer).toFixed(1),
    (rate(ours) / rate(peer)).toFixed(2),
  );
  row(
    'CPU ms per call',
    (ours.cpu / ours.times.length).toFixed(2),
    (peer.cpu / peer.times.length).toFixed(2),
    (ours.cpu / ours.times.length / (peer.cpu / peer.times.length)).toFixed(2),
  );
  row(
    'RSS MiB idle / 1,000 calls / ' + TOTAL_CALLS.toLocaleString('en') + ' calls',
    ours.rss.map((v) => v.toFixed(1)).join(' / '),
    peer.rss.map((v) => v.toFixed(1)).join(' / '),
    '',
  );
  console.log(
    `RSS growth from 1,000 to ${TOTAL_CALLS} calls (ours): ${((ours.rss[2] ?? 0) - (ours.rss[1] ?? 0)).toFixed(1)} MiB (goal: within 10 MiB)`,
  );
  console.log(
    `our JS heap after a full GC, idle / 1,000 / ${TOTAL_CALLS} calls: ${heap.map((v) => v.toFixed(1)).join(' / ')} MiB`,
  );
  // The memory limit lives here, not in the node tests: a heap figure depends on the machine and
  // on what else ran in the process, so a unit test can only check that calls are released.
  const heapGrowth = (heap[1] ?? 0) - (heap[0] ?? 0);
  console.log(
    `JS heap growth from idle to 1,000 calls (ours): ${heapGrowth.toFixed(1)} MiB (goal: within ${HEAP_GROWTH_GOAL_MIB} MiB: ${heapGrowth <= HEAP_GROWTH_GOAL_MIB ? 'met' : 'MISSED'})`,
  );

  await shutDown(0);
}

const progress = (message: string) => process.stderr.write(`[bench:sip] ${message}\n`);
await main().catch(fail);
