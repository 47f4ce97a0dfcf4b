/**
 * The Windows registry and macOS managed-preference mappings, on recorded fixtures (named doubles
 * at the OS boundary: tests/support/policy-doubles.ts), through to the effective policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createPlistSource, managedPreferenceFiles } from '../../../main/policy/plist-source';
import { createRegistrySource } from '../../../main/policy/registry-source';
import { resolvePolicy } from '../../../main/policy/resolve';
import { RecordedPlistsForTests, RecordedRegistryForTests } from '../../support/policy-doubles';

const fixtures = join(import.meta.dirname, '../../fixtures/policy');
const context = { username: 'dana', env: { STEADYLINE_AUTH_USER: 'dana-auth' } };

describe('the Windows registry (recorded Group Policy)', () => {
  const registry = RecordedRegistryForTests.fromFile(join(fixtures, 'registry-gpo.json'));

  it('maps DWORDs, strings and numbered list subkeys; HKLM beats HKCU; locked beats recommended', async () => {
    const policy = resolvePolicy(await createRegistrySource(registry).read(), context);
    expect(policy.entries.SipServerUrl).toEqual({
      value: 'wss://pbx.corp.example:8089/ws',
      locked: true,
      source: 'HKLM\\SOFTWARE\\Policies\\Steadyline',
    });
    expect(policy.entries.SipUser?.value).toBe('dana');
    expect(policy.entries.SipDisplayName).toMatchObject({ value: 'Agent dana', locked: true });
    expect(policy.entries.IceServers?.value).toEqual([
      'stun:stun.corp.example:3478',
      'turns:turn.corp.example:5349',
    ]);
    expect(policy.entries.SummarySharingAllowed?.value).toBe(false);
    expect(policy.entries.BreakMinimumSeconds?.value).toBe(60);
    expect(policy.entries.Language).toMatchObject({ value: 'he', locked: false });
    expect(policy.entries.LogLevel?.value).toBe('debug');
  });

  it('ignores a DWORD that is not 0 or 1 for a switch alone, reporting it, and keeps the recommended value', async () => {
    const policy = resolvePolicy(await createRegistrySource(registry).read(), context);
    expect(policy.problems).toEqual([
      expect.objectContaining({ source: 'HKCU\\SOFTWARE\\Policies\\Steadyline', key: 'StartAtLogin' }),
    ]);
    expect(policy.entries.StartAtLogin).toMatchObject({ value: true, locked: false });
  });

  it('reads nothing from a machine without the key', async () => {
    expect(await createRegistrySource(new RecordedRegistryForTests({})).read()).toEqual([]);
  });
});

describe('macOS managed preferences (recorded profile)', () => {
  const xml = readFileSync(join(fixtures, 'managed-preferences.plist'), 'utf8');
  const [machine, user] = managedPreferenceFiles('dana');

  it('maps the plist, expands ${env:…}, ignores the one bad value alone', async () => {
    const source = createPlistSource(new RecordedPlistsForTests({ [machine ?? '']: xml }), [
      machine ?? '',
      user ?? '',
    ]);
    const policy = resolvePolicy(await source.read(), context);
    expect(policy.entries.SipAuthUser?.value).toBe('dana-auth');
    expect(policy.entries.BreakDefaultSeconds?.value).toBe(120);
    expect(policy.entries.SipTrace?.value).toBe(true);
    expect(policy.entries.IceServers?.value).toEqual(['stun:stun.corp.example:3478']);
    expect(policy.entries.HotkeyAnswer).toMatchObject({ value: 'F9', locked: false });
    expect(policy.entries.NoteRetentionDays).toBeUndefined();
    expect(policy.problems).toEqual([expect.objectContaining({ key: 'NoteRetentionDays' })]);
  });

  it('the machine profile beats the user profile; a broken plist is one problem', async () => {
    const userXml = xml.replace('wss://pbx.corp.example:8089/ws', 'wss://user.example/ws');
    const source = createPlistSource(
      new RecordedPlistsForTests({ [machine ?? '']: '<plist><dict><key>x</key>', [user ?? '']: userXml }),
      [machine ?? '', user ?? ''],
    );
    const policy = resolvePolicy(await source.read(), context);
    expect(policy.entries.SipServerUrl?.value).toBe('wss://user.example/ws');
    expect(policy.problems[0]).toMatchObject({ key: '*', reason: 'not a valid property list' });
  });
});
