/** The one place default settings are written down. */
import { DEFAULT_PHONE_PREFERENCES } from './phone-preferences';
import { CURRENT_SETTINGS_VERSION, type StoredSettings } from './schema';

export const DEFAULT_SETTINGS: StoredSettings = {
  settingsVersion: CURRENT_SETTINGS_VERSION,
  account: null,
  language: 'en',
  phone: DEFAULT_PHONE_PREFERENCES,
};
