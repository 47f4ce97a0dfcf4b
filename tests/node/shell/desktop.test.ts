/**
 * The shell's desktop integration with named doubles of Electron's app, window and safeStorage
 * (tests/support/electron-desktop-doubles.ts): links, the tray on close, start at login, the Linux
 * basic_text keychain treated as none, and which policy sources each platform reads.
 */
import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../main/logging/logger';
import { platformPolicySources } from '../../../main/policy/platform-sources';
import { createSecretStore } from '../../../main/settings/secret-store';
import { applyStartAtLogin, handleDialLinks, keepRunningInTray } from '../../../main/shell/desktop';
import { keychainBackend, keychainCipher } from '../../../main/shell/keychain';
import {
  FakeDesktopAppForTests,
  FakeSafeStorageForTests,
  FakeWindowForTests,
} from '../../support/electron-desktop-doubles';
import { RecordedRegistryForTests } from '../../support/policy-doubles';

describe('dial links from the OS', () => {
  it('registers the three schemes and offers parsed links from start, a second launch and open-url', () => {
    const app = new FakeDesktopAppForTests();
    const offered: string[] = [];
    handleDialLinks({
      app,
      argv: ['steadyline', 'tel:+972-3-555-1234'],
      offer: (link) => offered.push(link.target),
      logger: silentLogger(),
    });
    expect(app.protocols).toEqual(['tel', 'sip', 'callto']);
    app.emit('second-instance', {}, ['steadyline', '--hidden', 'callto:1001']);
    app.emit('second-instance', {}, ['steadyline']);
    const openUrl = app.openUrl('sip:dana@pbx.example.org');
    app.openUrl('sip:1001@pbx.example.org?Subject=evil');
    app.emit('second-instance', {}, ['steadyline', 'tel:1001%0d%0aVia:x']);
    expect(offered).toEqual(['+97235551234', '1001', 'sip:dana@pbx.example.org']);
    expect(openUrl.defaultPrevented).toBe(true);
  });

  it('in development, registers electron with the app folder (Windows needs the path)', () => {
    const app = new FakeDesktopAppForTests();
    handleDialLinks({
      app,
      argv: [],
      offer: () => undefined,
      logger: silentLogger(),
      development: { execPath: '/e', appPath: '/app' },
    });
    expect(app.protocolArgs[0]).toEqual(['tel', '/e', ['/app']]);
  });
});

describe('the window and the tray', () => {
  it('closing hides the window (the phone stays registered); after Quit it closes', () => {
    const window = new FakeWindowForTests();
    let quitting = false;
    keepRunningInTray(window, () => quitting);
    expect(window.close()).toBe('hidden');
    quitting = true;
    expect(window.close()).toBe('closed');
  });

  it("start at login follows IT's policy where the OS has a login item", () => {
    const app = new FakeDesktopAppForTests();
    applyStartAtLogin(app, 'win32', true, silentLogger());
    applyStartAtLogin(app, 'darwin', false, silentLogger());
    applyStartAtLogin(app, 'win32', undefined, silentLogger());
    applyStartAtLogin(app, 'linux', true, silentLogger());
    expect(app.loginItems).toEqual([
      { openAtLogin: true, args: ['--hidden'] },
      { openAtLogin: false, args: ['--hidden'] },
    ]);
  });
});

describe('the keychain', () => {
  it("Linux's basic_text backend is no keychain: the password stays in memory only", () => {
    const storage = new FakeSafeStorageForTests('basic_text');
    expect(keychainBackend(storage, 'linux')).toBe('basic_text');
    const secrets = createSecretStore({
      file: '/nonexistent/secrets.json',
      cipher: keychainCipher(storage, 'linux'),
      logger: silentLogger(),
    });
    expect(secrets.storage).toBe('session-only');
    secrets.set('sip-password', 'x');
    expect(storage.encrypted).toBe(0);
  });

  it('a real keyring (or another OS) is used', () => {
    expect(
      keychainCipher(new FakeSafeStorageForTests('gnome_libsecret'), 'linux').isEncryptionAvailable(),
    ).toBe(true);
    expect(keychainCipher(new FakeSafeStorageForTests(undefined), 'win32').isEncryptionAvailable()).toBe(
      true,
    );
  });
});

describe('policy sources per platform', () => {
  const base = { username: 'dana', env: {}, logger: silentLogger() };
  it('reads the registry on Windows, managed preferences on macOS, the file on Linux; the variable only when allowed', () => {
    const names = (platform: NodeJS.Platform, allowEnvOverride: boolean) =>
      platformPolicySources({
        ...base,
        platform,
        allowEnvOverride,
        registry: new RecordedRegistryForTests({}),
      }).map((s) => s.name);
    expect(names('win32', false)).toEqual(['registry']);
    expect(names('darwin', false)).toEqual(['managed-preferences']);
    expect(names('linux', false)).toEqual(['file']);
    expect(names('linux', true)).toEqual(['file', 'env']);
  });
});

describe('IT services at start', () => {
  it('reads the Linux policy file, sets the log level and IT CAs from it, and switches the SIP trace', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startItServices } = await import('../../../main/shell/it-services');
    const dir = mkdtempSync(join(tmpdir(), 'steadyline-it-'));
    const file = join(dir, 'policy.json');
    const ca = '-----BEGIN CERTIFICATE-----\nMIIBexample\n-----END CERTIFICATE-----';
    writeFileSync(file, JSON.stringify({ LogLevel: 'warn', SipTrace: true, TrustedCaCertificates: [ca] }));
    const services = await startItServices({
      logsDir: dir,
      platform: 'linux',
      username: 'dana',
      env: {},
      allowEnvOverride: false,
      linuxPolicyFile: file,
    });
    services.logger.info('below-warn');
    services.logger.warn('at-warn');
    services.sipTrace(
      'Sending WebSocket message:\n\nREGISTER sip:x SIP/2.0\r\nAuthorization: Digest response="1"\r\n',
    );
    expect(services.trust.certificates()).toContain(ca);
    expect(services.trust.summary().policy).toBe(1);
    services.close();
    const main = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(main).toContain('at-warn');
    expect(main).not.toContain('below-warn');
    expect(readFileSync(join(dir, 'sip-trace.log'), 'utf8')).toContain('Authorization: [redacted]');
  });
});
