/** Resolving policy key by key: precedence, templates, hostile values, the break floor, settings overlay. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { applyPolicy, lockedKeys } from '../../../main/policy/apply';
import { valueSchema } from '../../../main/policy/define';
import { POLICY_KEYS } from '../../../main/policy/keys';
import { resolvePolicy, type RawPolicy } from '../../../main/policy/resolve';
import { expandTemplate } from '../../../main/policy/templates';
import { DEFAULT_SETTINGS } from '../../../main/settings/defaults';

const context = { username: 'dana', env: { EXT: '4021' } };
const source = (name: string, raw: Partial<RawPolicy>) => ({
  source: name,
  raw: { locked: raw.locked ?? {}, recommended: raw.recommended ?? {} },
});

describe('templates', () => {
  it('expands ${username} and ${env:NAME} once, and refuses anything else', () => {
    expect(expandTemplate('${username}-${env:EXT}', context)).toEqual({ ok: true, value: 'dana-4021' });
    expect(expandTemplate('${env:MISSING}', context)).toMatchObject({ ok: false });
    expect(expandTemplate('${HOME}', context)).toMatchObject({ ok: false });
    expect(expandTemplate('${env:A;rm}', context)).toMatchObject({ ok: false });
    expect(expandTemplate('${env:EXT}', { username: '', env: { EXT: '${username}' } })).toEqual({
      ok: true,
      value: '${username}',
    });
    expect(expandTemplate('${username}', { username: '', env: {} })).toMatchObject({ ok: false });
  });

  it('a template whose expansion breaks the key is ignored alone', () => {
    const policy = resolvePolicy(
      [source('t', { locked: { SipUser: '${env:EXT}', SipAuthUser: '${env:SPACE}' } })],
      { username: 'dana', env: { EXT: '40 21', SPACE: 'a b' } },
    );
    expect(policy.entries).toEqual({});
    expect(policy.problems.map((problem) => problem.key)).toEqual(['SipUser', 'SipAuthUser']);
  });
});

describe('precedence', () => {
  it('a locked value from any source beats a default; the first source wins among its kind', () => {
    const policy = resolvePolicy(
      [
        source('first', { recommended: { Language: 'he' }, locked: { LogLevel: 'warn' } }),
        source('second', { locked: { Language: 'en', LogLevel: 'debug' } }),
      ],
      context,
    );
    expect(policy.entries.Language).toEqual({ value: 'en', locked: true, source: 'second' });
    expect(policy.entries.LogLevel).toEqual({ value: 'warn', locked: true, source: 'first' });
  });

  it('a key the agent has no setting for counts as IT-set even under Recommended', () => {
    const policy = resolvePolicy(
      [source('s', { recommended: { QueueWebhookUrl: 'https://acd/x' } })],
      context,
    );
    expect(policy.entries.QueueWebhookUrl?.locked).toBe(true);
  });
});

describe('hostile policy values', () => {
  it('any value for any key is either applied exactly as its schema says or ignored alone with a problem', () => {
    const anything = fc.oneof(
      fc.anything(),
      fc.string({ maxLength: 3000 }),
      fc.integer(),
      fc.array(fc.string()),
      fc.constantFrom('${username}', '\u202ewss://x', 'wss://a\r\nVia: x', -1, 1e9, NaN, null),
    );
    fc.assert(
      fc.property(fc.constantFrom(...POLICY_KEYS), anything, fc.boolean(), (key, value, locked) => {
        const section = locked ? 'locked' : 'recommended';
        const policy = resolvePolicy(
          [source('fuzz', { [section]: { [key.name]: value, LogLevel: 'warn' } })],
          context,
        );
        // The good neighbour always survives.
        if (key.name !== 'LogLevel') expect(policy.entries.LogLevel?.value).toBe('warn');
        const entry = policy.entries[key.name];
        if (entry) expect(valueSchema(key).safeParse(entry.value).success).toBe(true);
        else expect(policy.problems.some((problem) => problem.key === key.name)).toBe(true);
        const settings = applyPolicy(DEFAULT_SETTINGS, policy);
        expect(settings.recoveryPolicy.minimumBreakSeconds).toBeLessThanOrEqual(
          settings.recoveryPolicy.defaultBreakSeconds,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('unknown keys and keys with a prototype name are reported, never applied', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "Nope": 2}') as Record<
      string,
      unknown
    >;
    const policy = resolvePolicy([source('s', { locked: raw })], context);
    expect(Object.keys(policy.entries)).toEqual([]);
    expect(policy.problems).toHaveLength(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the policy laid over the agent settings', () => {
  const mine = {
    ...DEFAULT_SETTINGS,
    language: 'he' as const,
    account: { serverUrl: 'wss://mine/ws', sipUser: '1001', domain: '', authUser: '', displayName: 'Me' },
  };

  it('locks replace the agent value, defaults only fill what the agent left empty', () => {
    const policy = resolvePolicy(
      [
        source('s', {
          locked: { SipServerUrl: 'wss://it/ws', AutoAnswer: 'forced' },
          recommended: {
            SipUser: '${username}',
            SipDomain: 'corp.example',
            Language: 'en',
            HotkeyMute: 'F8',
          },
        }),
      ],
      context,
    );
    const effective = applyPolicy(mine, policy);
    expect(effective.account).toEqual({ ...mine.account, serverUrl: 'wss://it/ws', domain: 'corp.example' });
    expect(effective.language).toBe('he');
    expect(effective.phone.autoAnswer).toBe(true);
    expect(effective.phone.hotkeys.mute).toBe('F8');
    expect(lockedKeys(policy).sort()).toEqual(['AutoAnswer', 'SipServerUrl']);
  });

  it('the break minimum is a floor that raises the default and the ceiling', () => {
    const policy = resolvePolicy(
      [source('s', { locked: { BreakMinimumSeconds: 900, BreakMaximumSeconds: 300 } })],
      context,
    );
    const { recoveryPolicy } = applyPolicy(DEFAULT_SETTINGS, policy);
    expect(recoveryPolicy).toMatchObject({
      minimumBreakSeconds: 900,
      defaultBreakSeconds: 900,
      maximumBreakSeconds: 900,
    });
  });
});
