import { describe, expect, it } from 'vitest';

import { requestChannels } from '../../../preload/contract';
import { EVENT_IPC_CHANNEL } from '../../../preload/ipc-names';
import { createEventHub } from '../../../main/kernel/event-hub';
import type { Router } from '../../../main/ipc/router';
import { silentLogger } from '../../../main/logging/logger';
import { bindIpc } from '../../../main/shell/ipc';
import { FakeIpcMainForTests, FakeWebContentsForTests } from '../../support/electron-doubles';

function bind() {
  const routed: Array<[unknown, unknown]> = [];
  const router: Router = {
    handle: async (channel, payload) => {
      routed.push([channel, payload]);
      return { ok: true, value: 'routed' };
    },
  };
  const ipcMain = new FakeIpcMainForTests();
  const events = createEventHub(silentLogger());
  const webContents = new FakeWebContentsForTests();
  const window = { isDestroyed: () => false, webContents };
  const unbind = bindIpc({
    ipcMain: ipcMain as never,
    router,
    events,
    getWindow: () => window as never,
    logger: silentLogger(),
  });
  return { ipcMain, routed, events, webContents, unbind };
}

describe('IPC binding', () => {
  it('registers one handler per contract channel', () => {
    const { ipcMain } = bind();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(requestChannels).sort());
  });

  it('routes a request from our own page', async () => {
    const { ipcMain, routed } = bind();
    const result = await ipcMain.invokeFrom('app://steadyline/index.html', 'settings:get', undefined);
    expect(result).toEqual({ ok: true, value: 'routed' });
    expect(routed).toEqual([['settings:get', undefined]]);
  });

  it('refuses a request from a foreign frame without routing it', async () => {
    const { ipcMain, routed } = bind();
    const result = await ipcMain.invokeFrom('https://evil.example/', 'settings:get', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(routed).toEqual([]);
  });

  it('forwards events to the window and stops after unbinding', () => {
    const { events, webContents, unbind, ipcMain } = bind();
    events.publish('journal:changed', { table: 'calls' });
    expect(webContents.sent).toEqual([[EVENT_IPC_CHANNEL, 'journal:changed', { table: 'calls' }]]);
    unbind();
    events.publish('journal:changed', { table: 'breaks' });
    expect(webContents.sent).toHaveLength(1);
    expect(ipcMain.handlers.size).toBe(0);
  });
});
