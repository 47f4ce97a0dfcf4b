/**
 * Versioned migrations of the settings file: step N turns a version-N file into version N+1.
 * A file without a version is from before versioning (v1).
 */
import type { Logger } from '../logging/logger';

import { CURRENT_SETTINGS_VERSION } from './schema';

type RawSettings = Record<string, unknown>;
type Step = { from: number; describe: string; migrate(settings: RawSettings): RawSettings };

const asRecord = (value: unknown): RawSettings | null =>
  typeof value === 'object' && value !== null ? (value as RawSettings) : null;

const steps: Step[] = [
  {
    from: 1,
    describe: 'account.server becomes account.serverUrl; account.domain added',
    migrate(settings) {
      const account = asRecord(settings.account);
      if (!account) return { ...settings, settingsVersion: 2 };
      const { server, ...rest } = account;
      return {
        ...settings,
        settingsVersion: 2,
        account: { ...rest, serverUrl: server ?? rest.serverUrl, domain: rest.domain ?? '' },
      };
    },
  },
];

export function versionOf(settings: RawSettings): number {
  return typeof settings.settingsVersion === 'number' ? settings.settingsVersion : 1;
}

/** Applies every pending step in order; returns the settings unchanged when already current. */
export function migrateSettings(settings: RawSettings, logger: Logger): RawSettings {
  let current = settings;
  for (const step of steps) {
    if (versionOf(current) !== step.from) continue;
    current = step.migrate(current);
    logger.info({ from: step.from, to: step.from + 1 }, `settings migrated: ${step.describe}`);
  }
  return versionOf(current) === CURRENT_SETTINGS_VERSION ? current : settings;
}
