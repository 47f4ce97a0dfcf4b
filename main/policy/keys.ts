/**
 * Every key IT may set, in one list: the single source for the readers, the settings screen's
 * locked state and every generated artefact (scripts/generate-policy.ts).
 */
import type { PolicyKey } from './define';
import { ACCOUNT_KEYS } from './keys-account';
import { BREAK_KEYS } from './keys-breaks';
import { DESKTOP_KEYS } from './keys-desktop';
import { WARNING_KEYS } from './keys-warnings';

export const POLICY_KEYS: readonly PolicyKey[] = [
  ...ACCOUNT_KEYS,
  ...BREAK_KEYS,
  ...WARNING_KEYS,
  ...DESKTOP_KEYS,
];

export type PolicyKeyName = (typeof POLICY_KEYS)[number]['name'];

const byName = new Map(POLICY_KEYS.map((key) => [key.name, key]));

export function policyKey(name: string): PolicyKey | undefined {
  return byName.get(name);
}

/** Where IT's values live: `SOFTWARE\Policies\Steadyline` (locked) and its `Recommended` subkey (defaults). */
export const REGISTRY_PATH = 'SOFTWARE\\Policies\\Steadyline';
export const RECOMMENDED = 'Recommended';
export const BUNDLE_ID = 'com.steadyline.app';
export const LINUX_POLICY_FILE = '/etc/steadyline/policy.json';
