/**
 * TURN logins on real settings files: the credential lives only in the encrypted secrets file
 * (never settings.json, never a log line), survives a restart with the test cipher, reaches the
 * media engine's ICE servers only, and is refused without a username or for an unknown server.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../../main/core/create-core';
import { createLogger } from '../../../main/logging/logger';
import { createRotatingFile } from '../../../main/logging/rotating-file';
import { createTestCore } from '../../support/test-core';
import { UnavailableCipherForTests } from '../../support/unavailable-cipher';

const CANARY = 'turn-canary-7f3e9a';
const TURN = 'turns:turn.example.org:5349';
const freshDir = () => mkdtempSync(join(tmpdir(), 'steadyline-turn-'));
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('TURN logins', () => {
  it('keep the credential out of settings.json and the logs, across a restart', async () => {
    const dir = freshDir();
    const logs = freshDir();
    const destination = createRotatingFile({ file: join(logs, 'main.log'), maxBytes: 1 << 20, keep: 2 });
    const logger = createLogger({ destination, level: 'debug' });
    core = createTestCore(dir, undefined, { logger });
    await core.router.handle('settings:setPhone', { iceServers: ['stun:stun.example.org', TURN] });
    const saved = await core.router.handle('settings:setTurnLogin', {
      url: TURN,
      username: 'agent7',
      credential: CANARY,
    });
    expect(saved).toEqual({
      ok: true,
      value: { storage: 'encrypted', logins: [{ url: TURN, username: 'agent7', hasCredential: true }] },
    });
    expect(JSON.stringify(saved)).not.toContain(CANARY);
    await core.close();
    core = createTestCore(dir, undefined, { logger });
    expect(await core.router.handle('settings:getIceServers', undefined)).toEqual({
      ok: true,
      value: [{ urls: 'stun:stun.example.org' }, { urls: TURN, username: 'agent7', credential: CANARY }],
    });
    expect(JSON.stringify(await core.router.handle('settings:getTurnLogins', undefined))).not.toContain(
      CANARY,
    );
    await core.close();
    core = null;
    const settingsFile = readFileSync(join(dir, 'settings.json'), 'utf8');
    expect(settingsFile).toContain(TURN);
    expect(settingsFile).not.toContain(CANARY);
    const written = [...readdirSync(dir).map((name) => join(dir, name)), join(logs, 'main.log')];
    for (const file of written) expect(readFileSync(file, 'utf8'), file).not.toContain(CANARY);
  });

  it('refuses a login without a username, or for a server not in the list', async () => {
    core = createTestCore(freshDir());
    await core.router.handle('settings:setPhone', { iceServers: [TURN] });
    const noUser = await core.router.handle('settings:setTurnLogin', {
      url: TURN,
      username: ' ',
      credential: 'x',
    });
    expect(noUser).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const stun = await core.router.handle('settings:setTurnLogin', {
      url: 'stun:stun.example.org',
      username: 'a',
      credential: 'x',
    });
    expect(stun).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await core.router.handle('settings:setTurnLogin', {
      url: 'turn:other.example.org',
      username: 'a',
      credential: 'x',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.router.handle('settings:getIceServers', undefined)).toEqual({
      ok: true,
      value: [{ urls: TURN }],
    });
  });

  it('without an OS keychain keeps the login for this run only and says so', async () => {
    const dir = freshDir();
    core = createTestCore(dir, undefined, { cipher: new UnavailableCipherForTests() });
    await core.router.handle('settings:setPhone', { iceServers: [TURN] });
    const saved = await core.router.handle('settings:setTurnLogin', {
      url: TURN,
      username: 'a',
      credential: CANARY,
    });
    expect(saved).toMatchObject({ ok: true, value: { storage: 'session-only' } });
    await core.close();
    core = createTestCore(dir, undefined, { cipher: new UnavailableCipherForTests() });
    expect(await core.router.handle('settings:getTurnLogins', undefined)).toEqual({
      ok: true,
      value: { storage: 'session-only', logins: [] },
    });
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name), 'utf8')).not.toContain(CANARY);
  });
});
