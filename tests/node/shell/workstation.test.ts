import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Menu, NativeImage } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CallState, type EventChannel, type Notice } from '../../../preload/contract';
import type { Core } from '../../../main/core/create-core';
import { silentLogger } from '../../../main/logging/logger';
import { DEFAULT_PHONE_PREFERENCES } from '../../../main/settings/phone-preferences';
import { startWorkstationShell } from '../../../main/shell/workstation';
import {
  FakeGlobalShortcutForTests,
  FakeNotificationForTests,
  FakeTrayForTests,
  FakeWindowForTests,
} from '../../support/electron-shell-doubles';
import { createTestCore } from '../../support/test-core';

const ringing = CallState.parse({
  id: 'c1',
  journalId: 1,
  direction: 'inbound',
  state: 'ringing',
  remote: { uri: 'sip:0501234567@pbx', displayName: 'Noa Cohen' },
  startedAt: 1,
  answeredAt: null,
  heldByMe: false,
  heldByRemote: false,
  waiting: false,
  endReason: null,
});

let core: Core;
let tray: FakeTrayForTests;
let window: FakeWindowForTests;
let shortcuts: FakeGlobalShortcutForTests;
let events: Array<[EventChannel, unknown]>;
let stop: () => void;
let quits = 0;

function start() {
  stop = startWorkstationShell({
    core,
    getWindow: () => window,
    tray: {
      tray,
      buildMenu: (template) => ({ template }) as unknown as Menu,
      loadImage: (file) => ({ file }) as unknown as NativeImage,
      assetsDir: '/app/assets',
    },
    createNotification: (options) => new FakeNotificationForTests(options),
    globalShortcut: shortcuts,
    quit: () => void (quits += 1),
    logger: silentLogger(),
  });
}

beforeEach(() => {
  core = createTestCore(mkdtempSync(join(tmpdir(), 'steadyline-shell-')));
  tray = new FakeTrayForTests();
  window = new FakeWindowForTests();
  shortcuts = new FakeGlobalShortcutForTests();
  FakeNotificationForTests.shown = [];
  events = [];
  core.events.subscribe((event, payload) => events.push([event, payload]));
});
afterEach(async () => {
  stop?.();
  await core.close();
});

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('tray', () => {
  it('shows the agent’s status and switches do-not-disturb from its menu', async () => {
    start();
    await flush();
    expect(tray.image).toBe('/app/assets/tray-offline.png');
    expect(tray.tooltip).toBe('Steadyline: Offline');
    core.events.publish('phone:registration', { state: 'registered', aor: 'sip:1001@pbx' });
    expect(tray.image).toBe('/app/assets/tray-available.png');
    tray.click('Do not disturb');
    await flush();
    expect(events).toContainEqual(['phone:availability', 'dnd']);
    expect(tray.tooltip).toBe('Steadyline: Do not disturb');
    core.events.publish('phone:call', { ...ringing, state: 'active', answeredAt: 2 });
    expect(tray.image).toBe('/app/assets/tray-on-call.png');
    tray.click('Show Steadyline');
    expect(window.calls).toContain('show');
    window.calls.length = 0;
    tray.click('Close the day…');
    expect(window.calls).toContain('show');
    expect(events).toContainEqual(['shell:closeDay', {}]);
    tray.click('Quit Steadyline');
    expect(quits).toBe(1);
  });

  it('speaks the agent’s language', async () => {
    await core.router.handle('settings:setLanguage', { language: 'he' });
    start();
    await flush();
    expect(tray.tooltip).toBe('Steadyline: לא מחובר/ת');
    expect(tray.menu.map((item) => item.label)).toContain('נא לא להפריע');
  });
});

describe('incoming call notification', () => {
  it('appears when the window is not in front, brings it forward on click, and closes once answered', () => {
    window.focused = false;
    window.minimized = true;
    start();
    core.events.publish('phone:call', ringing);
    const [shown] = FakeNotificationForTests.shown;
    expect(shown?.options).toMatchObject({
      title: 'Incoming call',
      body: 'Noa Cohen is calling',
      silent: true,
    });
    shown?.click();
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    core.events.publish('phone:call', { ...ringing, state: 'active', answeredAt: 2 });
    expect(shown?.closed).toBe(true);
  });

  it('does not appear while the agent is looking at the window', () => {
    window.focused = true;
    start();
    core.events.publish('phone:call', ringing);
    expect(FakeNotificationForTests.shown).toEqual([]);
  });
});

describe('global hotkeys', () => {
  it('registers the agent’s hotkeys and passes each press to the window', () => {
    start();
    expect([...shortcuts.held.keys()].sort()).toEqual([
      'CommandOrControl+Shift+A',
      'CommandOrControl+Shift+B',
      'CommandOrControl+Shift+E',
      'CommandOrControl+Shift+H',
      'CommandOrControl+Shift+M',
      'CommandOrControl+Shift+W',
    ]);
    shortcuts.press('CommandOrControl+Shift+A');
    shortcuts.press('CommandOrControl+Shift+M');
    shortcuts.press('CommandOrControl+Shift+B');
    shortcuts.press('CommandOrControl+Shift+W');
    shortcuts.press('CommandOrControl+Shift+E');
    expect(events.filter(([event]) => event === 'shell:hotkey').map(([, payload]) => payload)).toEqual([
      { action: 'answer' },
      { action: 'mute' },
      { action: 'markAbusive' },
      { action: 'warn' },
      { action: 'finalWarning' },
    ]);
  });

  it('tells the agent which hotkey another program holds, and takes new hotkeys from settings at once', async () => {
    shortcuts.takenElsewhere.add('CommandOrControl+Shift+H');
    start();
    const notices = events.filter(([event]) => event === 'app:notices').at(-1)?.[1] as Notice[];
    expect(notices).toContainEqual({
      id: 'hotkey-hangup',
      kind: 'hotkey-unavailable',
      severity: 'warning',
      details: { accelerator: 'CommandOrControl+Shift+H', action: 'Hang up' },
    });
    await core.router.handle('settings:setPhone', {
      hotkeys: { ...DEFAULT_PHONE_PREFERENCES.hotkeys, hangup: 'F10', mute: '' },
    });
    expect(shortcuts.held.has('F10')).toBe(true);
    expect(shortcuts.held.has('CommandOrControl+Shift+M')).toBe(false);
    stop();
    expect(shortcuts.held.size).toBe(0);
  });
});
