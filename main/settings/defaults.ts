/** The one place default settings are written down. */
import { CURRENT_SETTINGS_VERSION, type StoredSettings } from './schema';

export const DEFAULT_SETTINGS: StoredSettings = {
  settingsVersion: CURRENT_SETTINGS_VERSION,
  account: null,
  language: 'en',
};
