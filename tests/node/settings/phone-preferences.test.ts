import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../../main/core/create-core';
import { DEFAULT_PHONE_PREFERENCES } from '../../../main/settings/phone-preferences';
import { createTestCore } from '../../support/test-core';

const freshDir = () => mkdtempSync(join(tmpdir(), 'steadyline-phone-prefs-'));
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('phone preferences through the router', () => {
  it('start with the defaults, keep what the agent chose across a restart, and tell listeners', async () => {
    const dir = freshDir();
    core = createTestCore(dir);
    expect(await core.router.handle('settings:getPhone', undefined)).toEqual({
      ok: true,
      value: DEFAULT_PHONE_PREFERENCES,
    });
    const saved = await core.router.handle('settings:setPhone', {
      microphoneId: 'mic-2',
      speakerId: 'headset',
      iceServers: ['stun:stun.example.org:3478'],
      autoAnswer: true,
      hotkeys: { ...DEFAULT_PHONE_PREFERENCES.hotkeys, answer: 'F9' },
    });
    expect(saved).toMatchObject({ ok: true, value: { microphoneId: 'mic-2', ringerId: '' } });
    await core.close();
    core = createTestCore(dir);
    const reread = await core.router.handle('settings:getPhone', undefined);
    expect(reread).toMatchObject({
      ok: true,
      value: {
        speakerId: 'headset',
        autoAnswer: true,
        hotkeys: { answer: 'F9', mute: 'CommandOrControl+Shift+M' },
      },
    });
  });

  it('refuses a hotkey or an ICE server it could not use, naming the field', async () => {
    core = createTestCore(freshDir());
    const badHotkey = await core.router.handle('settings:setPhone', {
      hotkeys: { ...DEFAULT_PHONE_PREFERENCES.hotkeys, mute: 'Ctrl+Shift+Mute me' },
    });
    expect(badHotkey).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', issues: [{ path: 'hotkeys.mute', message: 'accelerator' }] },
    });
    const badServer = await core.router.handle('settings:setPhone', {
      iceServers: ['http://stun.example.org'],
    });
    expect(badServer).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'iceServers.0', message: 'ice-url' }] },
    });
  });

  it('gives a settings file from before phone preferences the defaults, keeping its account', async () => {
    const dir = freshDir();
    const account = { serverUrl: 'wss://pbx/ws', sipUser: '1001', domain: '', authUser: '', displayName: '' };
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ settingsVersion: 2, account, language: 'he' }),
    );
    core = createTestCore(dir);
    expect(await core.router.handle('settings:getPhone', undefined)).toEqual({
      ok: true,
      value: DEFAULT_PHONE_PREFERENCES,
    });
    expect(await core.router.handle('settings:get', undefined)).toMatchObject({
      ok: true,
      value: { language: 'he', account: { sipUser: '1001' } },
    });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      phone: { autoAnswer: false },
    });
  });
});

describe('hotkeys added in a later version', () => {
  it('a file from before the warning hotkeys keeps the agent’s own hotkeys and gets the new defaults', async () => {
    const dir = freshDir();
    const older = { answer: 'F9', hangup: 'F10', mute: '', markAbusive: 'F12' };
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        settingsVersion: 2,
        account: null,
        language: 'en',
        phone: { ...DEFAULT_PHONE_PREFERENCES, microphoneId: 'usb-headset', hotkeys: older },
      }),
    );
    core = createTestCore(dir);
    expect(await core.router.handle('settings:getPhone', undefined)).toEqual({
      ok: true,
      value: {
        ...DEFAULT_PHONE_PREFERENCES,
        microphoneId: 'usb-headset',
        hotkeys: { ...older, warn: 'CommandOrControl+Shift+W', finalWarning: 'CommandOrControl+Shift+E' },
      },
    });
  });
});

describe('call quality summaries through the router', () => {
  it('tells the window clearly when the call it measured is not in the journal', async () => {
    core = createTestCore(freshDir());
    const result = await core.router.handle('journal:saveCallQuality', {
      journalId: 999,
      quality: {
        packetLossPercent: 0,
        jitterMs: 2,
        roundTripMs: 20,
        mos: 4.4,
        packetsReceived: 9,
        packetsSent: 9,
      },
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That call is not in the journal.' },
    });
  });
});
