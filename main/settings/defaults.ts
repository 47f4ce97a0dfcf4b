/**
 * The whole default settings file, assembled: the account and language defaults are written here;
 * each group with its own module keeps its defaults there (phone-preferences.ts,
 * recovery-settings.ts, summaries/) and this file puts them together.
 */
import { DEFAULT_PHONE_PREFERENCES } from './phone-preferences';
import { DEFAULT_RECOVERY_POLICY, DEFAULT_RECOVERY_PREFERENCES } from './recovery-settings';
import { CURRENT_SETTINGS_VERSION, type StoredSettings } from './schema';

import { DEFAULT_SHARING } from '../summaries/sharing-choice';
import { DEFAULT_SUMMARY_POLICY } from '../summaries/summary-policy';

export const DEFAULT_SETTINGS: StoredSettings = {
  settingsVersion: CURRENT_SETTINGS_VERSION,
  account: null,
  language: 'en',
  recoveryPolicy: DEFAULT_RECOVERY_POLICY,
  recoveryPreferences: DEFAULT_RECOVERY_PREFERENCES,
  phone: DEFAULT_PHONE_PREFERENCES,
  summaryPolicy: DEFAULT_SUMMARY_POLICY,
  sharing: DEFAULT_SHARING,
};
