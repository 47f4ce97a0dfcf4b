/** The settings file's shape, checked whenever it is read. Secrets are never part of it. */
import { z } from 'zod';

import { Language } from '../../preload/contract';

import { StoredPhonePreferences } from './phone-preferences';

import { StoredRecoveryPolicy, StoredRecoveryPreferences } from './recovery-settings';

export const CURRENT_SETTINGS_VERSION = 2;

export const StoredAccount = z.object({
  serverUrl: z.string(),
  sipUser: z.string(),
  domain: z.string(),
  authUser: z.string(),
  displayName: z.string(),
});
export type StoredAccount = z.infer<typeof StoredAccount>;

export const StoredSettings = z.object({
  settingsVersion: z.literal(CURRENT_SETTINGS_VERSION),
  account: StoredAccount.nullable(),
  language: Language,
  recoveryPolicy: StoredRecoveryPolicy,
  recoveryPreferences: StoredRecoveryPreferences,
  phone: StoredPhonePreferences,
});
export type StoredSettings = z.infer<typeof StoredSettings>;
