/**
 * Which settings IT has locked (main/policy: SettingsView.lockedByPolicy) and which form field
 * each policy key stands for, so a locked field is shown read-only with "set by your IT department".
 */
import type { AccountField } from '../stores/settings-store';
import { useSettingsStore } from '../stores/settings-store';

export const ACCOUNT_POLICY_KEYS: Readonly<Record<AccountField, string | null>> = {
  serverUrl: 'SipServerUrl',
  sipUser: 'SipUser',
  domain: 'SipDomain',
  authUser: 'SipAuthUser',
  displayName: 'SipDisplayName',
  password: null,
};

/** The policy key of a hotkey: `markAbusive` → `HotkeyMarkAbusive`. */
export const hotkeyPolicyKey = (action: string) =>
  `Hotkey${action.charAt(0).toUpperCase()}${action.slice(1)}`;

/** The policy keys IT locked, as the settings view last said. */
export function useLockedByIt(): readonly string[] {
  return useSettingsStore((store) => store.view?.lockedByPolicy ?? NONE);
}

const NONE: readonly string[] = [];
