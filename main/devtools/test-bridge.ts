/**
 * The test bridge: binds the same router and event hub that Electron's IPC uses to a loopback
 * WebSocket, so the real renderer bundle in a plain browser drives the real services in Node.
 *
 * Development and testing only. It is never imported by main/shell (lint forbids it), so the
 * packaged app cannot contain it. A random token and an Origin check keep other local pages out.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebSocketServer, type WebSocket } from 'ws';

import type { EventHub } from '../kernel/event-hub';
import type { Router } from '../ipc/router';
import type { Logger } from '../logging/logger';

import {
  BridgeClientMessage,
  TOKEN_PARAM,
  type BridgeServerMessage,
} from '../../preload/devtools/bridge-protocol';

export interface TestBridgeOptions {
  router: Router;
  events: EventHub;
  logger: Logger;
  port?: number;
  /** Origins allowed to connect (the preview's own http origin); any other Origin header is refused. */
  allowedOrigins?: () => string[];
}

export interface TestBridge {
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

function tokenMatches(expected: string, request: IncomingMessage): boolean {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const given = Buffer.from(url.searchParams.get(TOKEN_PARAM) ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export async function startTestBridge(options: TestBridgeOptions): Promise<TestBridge> {
  const { router, events, logger } = options;
  const token = randomBytes(24).toString('hex');
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ req, origin }: { req: IncomingMessage; origin: string }) => {
      const originAllowed = !options.allowedOrigins || options.allowedOrigins().includes(origin);
      const allowed = originAllowed && tokenMatches(token, req);
      if (!allowed) logger.warn({ origin }, 'test bridge connection refused');
      return allowed;
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.on('connection', (socket) => serveClient(socket, router, events, logger));
  const { port } = server.address() as AddressInfo;
  logger.info({ port }, 'test bridge listening on loopback');
  return {
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

function serveClient(socket: WebSocket, router: Router, events: EventHub, logger: Logger): void {
  const send = (message: BridgeServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = events.subscribe((event, payload) => send({ type: 'event', event, payload }));
  socket.on('close', unsubscribe);
  socket.on('message', async (data) => {
    const message = parseMessage(data.toString());
    if (!message) {
      logger.warn('test bridge message ignored: not a valid invoke message');
      return;
    }
    const result = await router.handle(message.channel, message.payload);
    send({ type: 'result', id: message.id, result });
  });
}

function parseMessage(text: string) {
  try {
    const parsed = BridgeClientMessage.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
