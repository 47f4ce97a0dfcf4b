/**
 * The settings as the app uses them: the agent's stored settings with IT's policy laid over them.
 * Never written back: when IT removes a locked value, the agent's own value returns. A locked
 * value replaces the agent's; a default (Recommended) fills in where the agent still has the app's
 * own default (an empty field, no account yet); the break minimum is a floor.
 */
import type { HotkeyAction } from '../../preload/contract';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { StoredSettings } from '../settings/schema';

import type { EffectivePolicy, PolicyEntry } from './resolve';

type Apply = (settings: StoredSettings, value: never, entry: PolicyEntry) => StoredSettings;

const EMPTY_ACCOUNT = { serverUrl: '', sipUser: '', domain: '', authUser: '', displayName: '' };

const account =
  (field: keyof typeof EMPTY_ACCOUNT): Apply =>
  (settings, value: string, entry) => {
    const current = settings.account ?? EMPTY_ACCOUNT;
    if (!entry.locked && current[field] !== '') return settings;
    return { ...settings, account: { ...current, [field]: value } };
  };

const recovery =
  (
    field:
      | 'defaultBreakSeconds'
      | 'maximumBreakSeconds'
      | 'extendBySeconds'
      | 'markWindowMinutes'
      | 'noteRetentionDays'
      | 'markedBeforeDays'
      | 'leadUri',
  ): Apply =>
  (settings, value: number | string) => ({
    ...settings,
    recoveryPolicy: { ...settings.recoveryPolicy, [field]: value },
  });

const summary =
  (field: 'collectorUrl' | 'enrollmentCode' | 'sharingAllowed' | 'teamDashboardUrl'): Apply =>
  (settings, value: string | boolean) => ({
    ...settings,
    summaryPolicy: { ...settings.summaryPolicy, [field]: value },
  });

const hotkey =
  (action: HotkeyAction): Apply =>
  (settings, value: string, entry) => {
    const agents = settings.phone.hotkeys[action];
    if (!entry.locked && agents !== DEFAULT_SETTINGS.phone.hotkeys[action]) return settings;
    return {
      ...settings,
      phone: { ...settings.phone, hotkeys: { ...settings.phone.hotkeys, [action]: value } },
    };
  };

/** What each key changes in the settings (keys absent here are read by the shell: trust, logs, login). */
export const SETTINGS_EFFECTS: Readonly<Record<string, Apply>> = {
  SipServerUrl: account('serverUrl'),
  SipDomain: account('domain'),
  SipUser: account('sipUser'),
  SipAuthUser: account('authUser'),
  SipDisplayName: account('displayName'),
  IceServers: (settings, value: string[], entry) =>
    !entry.locked && settings.phone.iceServers.length > 0
      ? settings
      : { ...settings, phone: { ...settings.phone, iceServers: value } },
  BreakDefaultSeconds: recovery('defaultBreakSeconds'),
  BreakMaximumSeconds: recovery('maximumBreakSeconds'),
  BreakExtendSeconds: recovery('extendBySeconds'),
  MarkWindowMinutes: recovery('markWindowMinutes'),
  NoteRetentionDays: recovery('noteRetentionDays'),
  LeadAddress: recovery('leadUri'),
  MarkedBeforeDays: recovery('markedBeforeDays'),
  QueueWebhookUrl: (settings, value: string) => ({
    ...settings,
    recoveryPolicy: {
      ...settings.recoveryPolicy,
      queueWebhook: { ...settings.recoveryPolicy.queueWebhook, url: value },
    },
  }),
  SummaryCollectorUrl: summary('collectorUrl'),
  SummaryEnrollmentCode: summary('enrollmentCode'),
  SummarySharingAllowed: summary('sharingAllowed'),
  TeamDashboardUrl: summary('teamDashboardUrl'),
  Language: (settings, value: StoredSettings['language'], entry) =>
    !entry.locked && settings.language !== DEFAULT_SETTINGS.language
      ? settings
      : { ...settings, language: value },
  AutoAnswer: (settings, value: 'allowed' | 'forced' | 'off') =>
    value === 'allowed'
      ? settings
      : { ...settings, phone: { ...settings.phone, autoAnswer: value === 'forced' } },
  HotkeyAnswer: hotkey('answer'),
  HotkeyHangup: hotkey('hangup'),
  HotkeyMute: hotkey('mute'),
  HotkeyMarkAbusive: hotkey('markAbusive'),
  HotkeyWarn: hotkey('warn'),
  HotkeyFinalWarning: hotkey('finalWarning'),
};

export function applyPolicy(stored: StoredSettings, policy: EffectivePolicy): StoredSettings {
  let settings = stored;
  for (const [name, entry] of Object.entries(policy.entries)) {
    const effect = SETTINGS_EFFECTS[name];
    if (effect) settings = effect(settings, entry.value as never, entry);
  }
  return applyBreakFloor(settings, policy.entries.BreakMinimumSeconds?.value);
}

/** The minimum is a floor: the default and the ceiling are raised to it, never the other way. */
function applyBreakFloor(settings: StoredSettings, floor: unknown): StoredSettings {
  const recoveryPolicy = settings.recoveryPolicy;
  const minimum = typeof floor === 'number' ? Math.max(floor, 0) : recoveryPolicy.minimumBreakSeconds;
  return {
    ...settings,
    recoveryPolicy: {
      ...recoveryPolicy,
      minimumBreakSeconds: minimum,
      defaultBreakSeconds: Math.max(recoveryPolicy.defaultBreakSeconds, minimum),
      maximumBreakSeconds: Math.max(
        recoveryPolicy.maximumBreakSeconds,
        recoveryPolicy.defaultBreakSeconds,
        minimum,
      ),
    },
  };
}

/** The agent's settings IT has locked (key names), for the settings screen's "set by your IT department". */
export function lockedKeys(policy: EffectivePolicy): string[] {
  return Object.entries(policy.entries)
    .filter(([name, entry]) => entry.locked && (name in SETTINGS_EFFECTS || name === 'StartAtLogin'))
    .filter(([name, entry]) => name !== 'AutoAnswer' || entry.value !== 'allowed')
    .map(([name]) => name);
}
