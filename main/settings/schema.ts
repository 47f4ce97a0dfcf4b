/** The settings file's shape, checked whenever it is read. Secrets are never part of it. */
import { z } from 'zod';

import { Language } from '../../preload/contract';

import { StoredPhonePreferences } from './phone-preferences';

import { StoredRecoveryPolicy, StoredRecoveryPreferences } from './recovery-settings';

import { StoredSharingSection } from '../summaries/sharing-choice';
import { StoredSummaryPolicy } from '../summaries/summary-policy';

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
  /** IT's team-summary policy (main/summaries/summary-policy.ts). */
  summaryPolicy: StoredSummaryPolicy,
  /** The agent's sealed sharing choice and enrollment (main/summaries/sharing-choice.ts). */
  sharing: StoredSharingSection,
});
export type StoredSettings = z.infer<typeof StoredSettings>;
