/**
 * A settings file or a policy that is not valid never costs the agent their account: whatever part
 * is damaged goes back to its default alone (fuzzed), and IT's policy is laid over the settings
 * without ever being written into the agent's file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { TestOnlyCipher } from '../../../main/devtools/test-only-cipher';
import { silentLogger } from '../../../main/logging/logger';
import { resolvePolicy, type EffectivePolicy } from '../../../main/policy/resolve';
import { createConfStore } from '../../../main/settings/conf-store';
import { DEFAULT_SETTINGS } from '../../../main/settings/defaults';
import { salvageSettings } from '../../../main/settings/salvage';
import { createSecretStore } from '../../../main/settings/secret-store';
import { createSettingsService, type PolicyFeed } from '../../../main/settings/settings-service';

const account = {
  serverUrl: 'wss://mine.example/ws',
  sipUser: '1001',
  domain: '',
  authUser: '',
  displayName: 'Dana',
};
const mine = { ...DEFAULT_SETTINGS, language: 'he', account };
const SECTIONS = [
  'language',
  'recoveryPolicy',
  'recoveryPreferences',
  'phone',
  'summaryPolicy',
  'sharing',
  'settingsVersion',
];

const freshDir = () => mkdtempSync(join(tmpdir(), 'steadyline-salvage-'));

class PolicyFeedForTests implements PolicyFeed {
  private listeners = new Set<(policy: EffectivePolicy) => void>();
  constructor(private policy: EffectivePolicy) {}
  current = () => this.policy;
  onChange(listener: (policy: EffectivePolicy) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(policy: EffectivePolicy) {
    this.policy = policy;
    for (const listener of this.listeners) listener(policy);
  }
}

const policyOf = (locked: Record<string, unknown>, recommended: Record<string, unknown> = {}) =>
  resolvePolicy([{ source: 'test', raw: { locked, recommended } }], { username: 'dana', env: {} });

function open(dir: string, policy?: PolicyFeed) {
  const logger = silentLogger();
  const secrets = createSecretStore({
    file: join(dir, 'secrets.json'),
    cipher: new TestOnlyCipher(),
    logger,
  });
  return createSettingsService({ opened: createConfStore({ cwd: dir }), secrets, logger, policy });
}

describe('a damaged settings file', () => {
  it('keeps the account whatever else in the file is damaged (fuzzed)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...SECTIONS), fc.anything()), (damage) => {
        const { settings, reset } = salvageSettings({ ...mine, ...damage });
        expect(settings.account).toEqual(account);
        expect(reset).not.toContain('account');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every valid field of a damaged section, and the rest of the account when one field is damaged', () => {
    const { settings, reset } = salvageSettings({
      ...mine,
      account: { ...account, sipUser: 1001 },
      phone: { ...DEFAULT_SETTINGS.phone, microphoneId: 'usb-headset', hotkeys: 'F9', autoAnswer: 'yes' },
    });
    expect(settings.account).toEqual({ ...account, sipUser: '' });
    expect(settings.phone.microphoneId).toBe('usb-headset');
    expect(settings.language).toBe('he');
    expect(reset).toEqual(['account.sipUser', 'phone.autoAnswer', 'phone.hotkeys']);
  });

  it('a real file: the account and the language survive, the old file is kept', () => {
    const dir = freshDir();
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ ...mine, recoveryPreferences: [], phone: null }),
    );
    const settings = open(dir);
    expect(settings.view()).toMatchObject({ language: 'he', account: { serverUrl: account.serverUrl } });
    const [notice] = settings.notices();
    expect(notice).toMatchObject({
      kind: 'settings-repaired',
      details: { fields: 'recoveryPreferences, phone' },
    });
  });
});

describe('IT policy laid over the settings', () => {
  it('shows locked values, tells the agent once about an invalid one, and never writes policy into the file', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(mine));
    const feed = new PolicyFeedForTests(
      policyOf({ SipServerUrl: 'wss://it.example/ws', BreakMinimumSeconds: 'long' }),
    );
    const settings = open(dir, feed);
    expect(settings.view()).toMatchObject({
      account: { serverUrl: 'wss://it.example/ws', sipUser: '1001' },
      lockedByPolicy: ['SipServerUrl'],
    });
    expect(settings.notices().filter((notice) => notice.kind === 'policy-invalid')).toEqual([
      expect.objectContaining({ details: { keys: 'BreakMinimumSeconds' } }),
    ]);
    settings.setLanguage('en');
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain('it.example');
  });

  it('a policy change applies at once and restarts registration; removing the lock brings the agent value back', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(mine));
    const feed = new PolicyFeedForTests(policyOf({}));
    const settings = open(dir, feed);
    let restarts = 0;
    settings.onAccountChange(() => (restarts += 1));
    feed.set(policyOf({ SipServerUrl: 'wss://it.example/ws', AutoAnswer: 'forced' }));
    expect(settings.sipAccount()?.serverUrl).toBe('wss://it.example/ws');
    expect(settings.phone().autoAnswer).toBe(true);
    expect(settings.setPhone({ autoAnswer: false }).autoAnswer).toBe(true);
    feed.set(policyOf({}));
    expect(settings.sipAccount()?.serverUrl).toBe(account.serverUrl);
    expect(restarts).toBe(2);
  });
});
