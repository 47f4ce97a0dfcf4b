/**
 * The recovery policy (IT's: break lengths, marking window, repeated abuse, queue webhook, lead,
 * note retention) and the agent's recovery preferences: defaults and stored shapes. Added without
 * a version bump: a settings file without them gets these defaults.
 */
import { RecoveryPolicy, RecoveryPreferences } from '../../preload/contract';

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = {
  defaultBreakSeconds: 90,
  minimumBreakSeconds: 30,
  maximumBreakSeconds: 600,
  extendBySeconds: 60,
  markWindowMinutes: 5,
  repeatedAbuse: { marks: 3, withinMinutes: 60, suggestedBreakSeconds: 300 },
  queueWebhook: { url: null, timeoutMs: 3000, retries: 2 },
  leadUri: null,
  noteRetentionDays: 180,
  markedBeforeDays: 30,
  agentName: null,
};

export const DEFAULT_RECOVERY_PREFERENCES: RecoveryPreferences = {
  reducedMotion: false,
  loudCallSuggestion: true,
  chime: true,
};

export const StoredRecoveryPolicy = RecoveryPolicy.default(DEFAULT_RECOVERY_POLICY);
export const StoredRecoveryPreferences = RecoveryPreferences.default(DEFAULT_RECOVERY_PREFERENCES);
