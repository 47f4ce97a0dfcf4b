/**
 * A real Kamailio (registrar + proxy with WebSocket) on loopback for one test file: its own ports,
 * its own run folder and log, started and killed by PID, restartable.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePorts } from './ports';

export const TESTBED_PASSWORD = 's3cret-testbed';
const TEMPLATE = join(import.meta.dirname, 'kamailio.cfg.template');
const START_DEADLINE_MS = 10_000;

export interface Kamailio {
  readonly wsUrl: string;
  /** The secure WebSocket address (with `tls`), and the certificate to trust for it. */
  readonly wssUrl: string | null;
  readonly certificate: string | null;
  readonly udpPort: number;
  readonly wsPort: number;
  readonly logFile: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Freezes Kamailio (SIGSTOP): its sockets stay open but nothing answers, like a half-dead link. */
  pause(): void;
  /** Lets a paused Kamailio run again (SIGCONT). */
  resume(): void;
  log(): string;
  /** How many REGISTER requests reached Kamailio from this user. */
  registerCount(user: string): number;
}

export interface KamailioOptions {
  /** Relay media through an rtpengine listening for ng commands on this UDP port (WITH_RTPENGINE). */
  rtpengineNgPort?: number;
  /** Also listen for wss:// (WITH_TLS) with a self-signed certificate for 127.0.0.1, or with this key and certificate (PEM files). */
  tls?: boolean | { key: string; certificate: string };
}

/** A throwaway self-signed certificate for 127.0.0.1 and the tls module's config naming it. */
function writeTlsConfig(
  dir: string,
  provided?: { key: string; certificate: string },
): { config: string; certificate: string } {
  const key = provided?.key ?? join(dir, 'key.pem');
  const certificate = provided?.certificate ?? join(dir, 'cert.pem');
  if (!provided)
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        certificate,
      ],
      { stdio: 'ignore' },
    );
  const config = join(dir, 'tls.cfg');
  writeFileSync(
    config,
    `[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\nrequire_certificate = no\nprivate_key = ${key}\ncertificate = ${certificate}\n`,
  );
  return { config, certificate };
}

export async function createKamailio(options: KamailioOptions = {}): Promise<Kamailio> {
  const [udpPort = 0, wsPort = 0, wssPort = 0] = await freePorts(3);
  const dir = mkdtempSync(join(tmpdir(), 'steadyline-kamailio-'));
  const cfg = join(dir, 'kamailio.cfg');
  const tls = options.tls ? writeTlsConfig(dir, options.tls === true ? undefined : options.tls) : null;
  const defines = [options.rtpengineNgPort && 'WITH_RTPENGINE', tls && 'WITH_TLS'].filter(Boolean);
  const template = readFileSync(TEMPLATE, 'utf8').replace(
    '#!KAMAILIO\n',
    `#!KAMAILIO\n${defines.map((name) => `#!define ${name}\n`).join('')}`,
  );
  writeFileSync(
    cfg,
    template
      .replaceAll('__RTPENGINE_NG_PORT__', String(options.rtpengineNgPort ?? 0))
      .replaceAll('__TLS_CONFIG__', tls?.config ?? '')
      .replaceAll('__WSS_PORT__', String(tls ? wssPort : 0))
      .replaceAll('__PASSWORD__', TESTBED_PASSWORD)
      .replaceAll('__WS_PORT__', String(wsPort))
      .replaceAll('__UDP_PORT__', String(udpPort)),
  );
  const logFile = join(dir, 'kamailio.log');
  let child: ChildProcess | null = null;
  const signal = (name: NodeJS.Signals) => {
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, name);
  };

  const kamailio: Kamailio = {
    wsUrl: `ws://127.0.0.1:${wsPort}/ws`,
    wssUrl: tls ? `wss://127.0.0.1:${wssPort}/ws` : null,
    certificate: tls ? readFileSync(tls.certificate, 'utf8') : null,
    udpPort,
    wsPort,
    logFile,
    async start() {
      const out = openSync(logFile, 'a');
      // Its own process group, so stop() ends the main process and its worker children together.
      child = spawn('kamailio', ['-f', cfg, '-DD', '-E', '-Y', dir, '-w', dir], {
        stdio: ['ignore', out, out],
        detached: true,
      });
      await waitForPort(
        wsPort,
        START_DEADLINE_MS,
        () => child?.exitCode !== null && child?.exitCode !== undefined,
      );
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      if (running.pid) {
        process.kill(-running.pid, 'SIGKILL');
        process.kill(-running.pid, 'SIGCONT');
      }
      await exited;
      await waitForPortClosed(wsPort);
    },
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    log: () => readFileSync(logFile, 'utf8'),
    registerCount: (user) =>
      kamailio
        .log()
        .split('\n')
        .filter((line) => line.includes(`TESTBED REGISTER from ${user} `)).length,
  };
  return kamailio;
}

async function waitForPort(port: number, deadlineMs: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('kamailio exited during start-up');
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`kamailio did not listen on ${port} within ${deadlineMs} ms`);
}

async function waitForPortClosed(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100 && (await canConnect(port)); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
