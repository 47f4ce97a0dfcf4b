/**
 * A real rtpengine on loopback, userspace only (`--table=-1`: no kernel module or iptables),
 * without the system's config file, for one test file: it bridges the agent's WebRTC (ICE,
 * DTLS-SRTP) to plain RTP far ends. Started and killed by PID; ready once it answers an ng ping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';

import { freePort } from '../../node/phone/support/ports';

const READY_DEADLINE_MS = 10_000;

export interface Rtpengine {
  readonly ngPort: number;
  output(): string;
  stop(): Promise<void>;
}

export async function startRtpengine(): Promise<Rtpengine> {
  const ngPort = await freePort();
  // A private RTP port range away from the OS's ephemeral ports (other tests bind those).
  const portMin = 20_000 + Math.floor(Math.random() * 400) * 20;
  const child = spawn(
    'rtpengine',
    [
      '--table=-1',
      '--config-file=none',
      '--interface=127.0.0.1',
      `--listen-ng=127.0.0.1:${ngPort}`,
      `--port-min=${portMin}`,
      `--port-max=${portMin + 19}`,
      '--foreground',
      '--log-stderr',
      '--log-level=6',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForPong(ngPort, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`rtpengine did not start: ${String(error)}\n${output}`);
  }
  return { ngPort, output: () => output, stop: () => stopChild(child) };
}

async function waitForPong(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    if (await ping(port)) return;
  }
  throw new Error(`no answer to an ng ping on ${port} within ${READY_DEADLINE_MS} ms`);
}

/** One ng-protocol ping (bencode `d7:command4:pinge`), answered `d6:result4:ponge`. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const finish = (answer: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(answer);
    };
    const timer = setTimeout(() => finish(false), 200);
    socket.on('message', (message) => finish(message.toString().includes('pong')));
    socket.on('error', () => finish(false));
    socket.send('steadyline-1 d7:command4:pinge', port, '127.0.0.1');
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
