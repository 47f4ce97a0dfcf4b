import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createCore } from '../../../main/core/create-core';
import { createLogger, silentLogger } from '../../../main/logging/logger';
import { SdpOnlyMediaEngine } from '../../../main/phone/sdp-only-media-engine';
import { createConfStore } from '../../../main/settings/conf-store';
import type { SecretCipher } from '../../../main/settings/secret-cipher';
import { createSecretStore } from '../../../main/settings/secret-store';
import { createSettingsService } from '../../../main/settings/settings-service';
import { collectingDestination } from '../../support/collecting-destination';
import { TestOnlyCipher } from '../../../main/devtools/test-only-cipher';
import { UnavailableCipherForTests } from '../../support/unavailable-cipher';

const PASSWORD = 'distinctive-Pa55-91xq';
const account = {
  serverUrl: 'wss://pbx.example.org:8089/ws',
  sipUser: '1001',
  domain: '',
  authUser: '',
  password: PASSWORD,
  displayName: 'Dana Levi',
};

function open(dir: string, cipher: SecretCipher = new TestOnlyCipher(), logger = silentLogger()) {
  const secrets = createSecretStore({ file: join(dir, 'secrets.json'), cipher, logger });
  return createSettingsService({ opened: createConfStore({ cwd: dir }), secrets, logger });
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'steadyline-settings-'));

describe('settings service', () => {
  it('starts with defaults and no account', () => {
    const settings = open(freshDir());
    expect(settings.view()).toEqual({ account: null, language: 'en', passwordStorage: 'encrypted' });
    expect(settings.sipAccount()).toBeNull();
  });

  it('keeps a saved account and password across a restart, and derives auth user and domain', () => {
    const dir = freshDir();
    open(dir).saveAccount(account);
    const restarted = open(dir);
    expect(restarted.view().account).toEqual({ ...account, password: undefined, hasPassword: true });
    expect(restarted.sipAccount()).toEqual({ ...account, authUser: '1001', domain: 'pbx.example.org' });
  });

  it('keeps the stored password when none is given, and clears it when empty', () => {
    const settings = open(freshDir());
    settings.saveAccount(account);
    settings.saveAccount({ ...account, displayName: 'Dana', password: undefined });
    expect(settings.sipAccount()?.password).toBe(PASSWORD);
    settings.saveAccount({ ...account, password: '' });
    expect(settings.view().account?.hasPassword).toBe(false);
  });

  it('removes the account and its password', () => {
    const dir = freshDir();
    const settings = open(dir);
    settings.saveAccount(account);
    expect(settings.clearAccount().account).toBeNull();
    expect(open(dir).sipAccount()).toBeNull();
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toBe('{}');
  });

  it('tells listeners when the account changes', () => {
    const settings = open(freshDir());
    let changes = 0;
    const stop = settings.onAccountChange(() => (changes += 1));
    settings.saveAccount(account);
    settings.clearAccount();
    stop();
    settings.saveAccount(account);
    expect(changes).toBe(2);
  });

  it('persists the language', () => {
    const dir = freshDir();
    open(dir).setLanguage('he');
    expect(open(dir).view().language).toBe('he');
  });

  it('never writes the password in plain text to any file', () => {
    const dir = freshDir();
    const settings = open(dir);
    settings.saveAccount(account);
    settings.setLanguage('he');
    const files = readdirSync(dir);
    expect(files).toContain('settings.json');
    expect(files).toContain('secrets.json');
    for (const file of files) expect(readFileSync(join(dir, file)).includes(PASSWORD), file).toBe(false);
  });

  it('never logs the password', () => {
    const log = collectingDestination();
    const logger = createLogger({ destination: log, level: 'debug' });
    const settings = open(freshDir(), new TestOnlyCipher(), logger);
    settings.saveAccount(account);
    settings.clearAccount();
    logger.info({ password: PASSWORD, account: { password: PASSWORD } }, 'careless caller');
    expect(log.text()).toContain('SIP account saved');
    expect(log.text()).not.toContain(PASSWORD);
  });
});

describe('settings without OS encryption', () => {
  it('keeps the password for this run only, writes nothing, and says so', () => {
    const dir = freshDir();
    const settings = open(dir, new UnavailableCipherForTests());
    settings.saveAccount(account);
    expect(settings.view().passwordStorage).toBe('session-only');
    expect(settings.sipAccount()?.password).toBe(PASSWORD);
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);
    expect(settings.notices().map((notice) => notice.kind)).toEqual(['password-not-encrypted']);
    expect(open(dir, new UnavailableCipherForTests()).sipAccount()?.password).toBe('');
  });
});

describe('settings file migrations and damage', () => {
  it('migrates a version-1 file (account.server, no domain) to version 2', () => {
    const dir = freshDir();
    const v1 = {
      language: 'he',
      account: { server: 'ws://10.0.0.5/ws', sipUser: '2002', authUser: '', displayName: 'Avi' },
    };
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(v1));
    const settings = open(dir);
    expect(settings.view().account).toMatchObject({
      serverUrl: 'ws://10.0.0.5/ws',
      sipUser: '2002',
      domain: '',
    });
    expect(settings.view().language).toBe('he');
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      settingsVersion: 2,
    });
  });

  it('keeps a copy of a file that does not match the schema, resets only the invalid parts, and says where the copy is', () => {
    const dir = freshDir();
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ settingsVersion: 2, language: 'fr', account: 42 }),
    );
    const settings = open(dir);
    expect(settings.view().language).toBe('en');
    const [notice] = settings.notices();
    expect(notice).toMatchObject({ kind: 'settings-repaired', details: { fields: 'account, language' } });
    expect(JSON.parse(readFileSync(notice?.details.movedTo ?? '', 'utf8'))).toMatchObject({ language: 'fr' });
  });

  it('moves an unreadable (not JSON) file aside instead of failing to start', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'settings.json'), '{ this is not json');
    const settings = open(dir);
    expect(settings.view().account).toBeNull();
    const [notice] = settings.notices();
    expect(readFileSync(notice?.details.movedTo ?? '', 'utf8')).toBe('{ this is not json');
  });
});

describe('secret store', () => {
  it('round-trips an encrypted secret across instances', () => {
    const file = join(freshDir(), 'secrets.json');
    createSecretStore({ file, cipher: new TestOnlyCipher(), logger: silentLogger() }).set('x', 'value-1');
    expect(createSecretStore({ file, cipher: new TestOnlyCipher(), logger: silentLogger() }).get('x')).toBe(
      'value-1',
    );
    expect(readFileSync(file, 'utf8')).not.toContain('value-1');
  });

  it('asks again for a secret it can no longer decrypt instead of failing', () => {
    const file = join(freshDir(), 'secrets.json');
    writeFileSync(file, JSON.stringify({ x: Buffer.from('garbage').toString('base64') }));
    expect(
      createSecretStore({ file, cipher: new TestOnlyCipher(), logger: silentLogger() }).get('x'),
    ).toBeUndefined();
  });
});

describe('notices raised while the app runs', () => {
  it('reach the window when a password can only be kept for this session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steadyline-core-notice-'));
    const core = createCore({
      dataDir: dir,
      settingsStore: createConfStore({ cwd: dir }),
      cipher: new UnavailableCipherForTests(),
      logger: silentLogger(),
      version: '0',
      media: new SdpOnlyMediaEngine(),
    });
    const published: unknown[] = [];
    core.events.subscribe((event, payload) => event === 'app:notices' && published.push(payload));
    await core.router.handle('settings:saveAccount', { ...account, serverUrl: 'ws://127.0.0.1:9/ws' });
    expect(JSON.stringify(published)).toContain('password-not-encrypted');
    const info = await core.router.handle('app:info', undefined);
    expect(JSON.stringify(info)).toContain('password-not-encrypted');
    await core.close();
  });
});
