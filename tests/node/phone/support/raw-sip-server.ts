/**
 * A minimal SIP-over-WebSocket server under the test's control: it accepts any REGISTER, and lets
 * the test send arbitrary bytes (garbled messages) to the phone and read what comes back.
 */
import type { AddressInfo } from 'node:net';

import { WebSocketServer, type WebSocket } from 'ws';

export interface RawSipServer {
  readonly url: string;
  readonly received: string[];
  send(text: string): void;
  /** The first message (already received or still to come) matching `match`. */
  waitFor(match: RegExp | ((text: string) => boolean), timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

const header = (message: string, name: string) =>
  new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(message)?.[1]?.trim() ?? '';

function okFor(register: string): string {
  return [
    'SIP/2.0 200 OK',
    `Via: ${header(register, 'Via')}`,
    `From: ${header(register, 'From')}`,
    `To: ${header(register, 'To')};tag=raw-server`,
    `Call-ID: ${header(register, 'Call-ID')}`,
    `CSeq: ${header(register, 'CSeq')}`,
    `Contact: ${header(register, 'Contact').replace(/;expires=\d+/, '')};expires=300`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export async function startRawSipServer(): Promise<RawSipServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'sip' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const received: string[] = [];
  const waiters = new Set<() => void>();
  let client: WebSocket | null = null;
  server.on('connection', (socket) => {
    client = socket;
    socket.on('message', (data) => {
      const text = data.toString();
      received.push(text);
      if (text.startsWith('REGISTER ')) socket.send(okFor(text));
      for (const waiter of waiters) waiter();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    received,
    send: (text) => client?.send(text),
    waitFor(match, timeoutMs = 5_000) {
      const matches = typeof match === 'function' ? match : (text: string) => match.test(text);
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(matches);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`nothing matching ${match} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of server.clients) socket.terminate();
        server.close(() => resolve());
      }),
  };
}
