/**
 * The recovery policy and preferences in the real settings file: an older file gets the defaults,
 * IT's pre-configured policy is read as written, the agent's preferences survive a restart, and a
 * policy that does not match the schema is set aside with a notice (nothing silently lost).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../main/logging/logger';
import { createConfStore } from '../../../main/settings/conf-store';
import {
  DEFAULT_RECOVERY_POLICY,
  DEFAULT_RECOVERY_PREFERENCES,
} from '../../../main/settings/recovery-settings';
import { createSecretStore } from '../../../main/settings/secret-store';
import { createSettingsService } from '../../../main/settings/settings-service';
import { TestOnlyCipher } from '../../../main/devtools/test-only-cipher';

const open = (dataDir: string) => {
  const logger = silentLogger();
  return createSettingsService({
    opened: createConfStore({ cwd: dataDir }),
    secrets: createSecretStore({ file: join(dataDir, 'secrets.json'), cipher: new TestOnlyCipher(), logger }),
    logger,
  });
};
const folderWith = (settings: object) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'steadyline-recovery-settings-'));
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings));
  return dataDir;
};
const v2 = { settingsVersion: 2, account: null, language: 'he' };

describe('recovery settings', () => {
  it('gives a file from before recovery breaks the defaults, and keeps its other settings', () => {
    const settings = open(folderWith(v2));
    expect(settings.recovery()).toEqual({
      policy: DEFAULT_RECOVERY_POLICY,
      preferences: DEFAULT_RECOVERY_PREFERENCES,
    });
    expect(settings.view().language).toBe('he');
  });

  it('reads the policy IT wrote, and keeps the agent’s preferences across a restart', () => {
    const policy = {
      ...DEFAULT_RECOVERY_POLICY,
      minimumBreakSeconds: 60,
      leadUri: '2000',
      noteRetentionDays: 30,
    };
    const dataDir = folderWith({ ...v2, recoveryPolicy: policy });
    const settings = open(dataDir);
    expect(settings.recovery().policy).toEqual(policy);
    settings.setRecoveryPreferences({ reducedMotion: true });
    settings.setLanguage('en');
    expect(open(dataDir).recovery()).toEqual({
      policy,
      preferences: { ...DEFAULT_RECOVERY_PREFERENCES, reducedMotion: true },
    });
  });

  it('repairs a policy that does not match: the defaults for it, a notice naming it, the old file kept aside', () => {
    const dataDir = folderWith({
      ...v2,
      recoveryPolicy: { ...DEFAULT_RECOVERY_POLICY, defaultBreakSeconds: 'long' },
    });
    const settings = open(dataDir);
    expect(settings.recovery().policy).toEqual(DEFAULT_RECOVERY_POLICY);
    const [notice] = settings.notices();
    expect(notice?.kind).toBe('settings-repaired');
    expect(notice?.details.fields).toContain('recoveryPolicy');
    const movedTo = notice?.details.movedTo ?? '';
    expect(existsSync(movedTo) && readFileSync(movedTo, 'utf8')).toContain('"defaultBreakSeconds": "long"');
  });
});
