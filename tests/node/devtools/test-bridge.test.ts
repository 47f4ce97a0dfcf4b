import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import type { Core } from '../../../main/core/create-core';
import { startTestBridge, type TestBridge } from '../../../main/devtools/test-bridge';
import { silentLogger } from '../../../main/logging/logger';
import { createTestCore } from '../../support/test-core';

const ORIGIN = 'http://127.0.0.1:5999';
let dataDir: string;
let core: Core;
let bridge: TestBridge;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-bridge-'));
  core = createTestCore(dataDir);
  bridge = await startTestBridge({
    router: core.router,
    events: core.events,
    logger: silentLogger(),
    allowedOrigins: () => [ORIGIN],
  });
});

afterEach(async () => {
  await bridge.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function connect(token: string, origin = ORIGIN): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/?bridgeToken=${token}`, { origin });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (message.type !== type) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

describe('test bridge', () => {
  it('refuses a connection without the right token', async () => {
    await expect(connect('wrong')).rejects.toThrow(/401/);
  });

  it('refuses a connection from another origin even with the token', async () => {
    await expect(connect(bridge.token, 'http://evil.example')).rejects.toThrow(/401/);
  });

  it('routes a request to the real core and answers with its result', async () => {
    const socket = await connect(bridge.token);
    const reply = nextMessage(socket, 'result');
    socket.send(JSON.stringify({ type: 'invoke', id: 7, channel: 'settings:get', payload: undefined }));
    expect(await reply).toMatchObject({
      id: 7,
      result: { ok: true, value: { account: null, language: 'en' } },
    });
    socket.close();
  });

  it('pushes events from the core to the page', async () => {
    const socket = await connect(bridge.token);
    const event = nextMessage(socket, 'event');
    core.events.publish('journal:changed', { table: 'calls' });
    expect(await event).toEqual({ type: 'event', event: 'journal:changed', payload: { table: 'calls' } });
    socket.close();
  });

  it('ignores malformed messages and keeps serving', async () => {
    const socket = await connect(bridge.token);
    socket.send('not json');
    socket.send(JSON.stringify({ type: 'invoke', id: -1 }));
    const reply = nextMessage(socket, 'result');
    socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'nope:nothing', payload: 1 }));
    expect(await reply).toMatchObject({ id: 1, result: { ok: false, error: { code: 'unknown-channel' } } });
    socket.close();
  });
});
