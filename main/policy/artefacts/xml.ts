/** XML text escaping and the display text shared by the ADMX/ADML generators. */
import type { PolicyKey } from '../define';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const REGISTRY_KEY = 'Software\\Policies\\Steadyline';
export const RECOMMENDED_KEY = `${REGISTRY_KEY}\\Recommended`;

/** A lockable key appears twice in Group Policy: locked (under Steadyline) and as a default (under "Steadyline - defaults"). */
export const groupPolicyIds = (key: PolicyKey): string[] =>
  key.lockable ? [key.name, `${key.name}_Recommended`] : [key.name];
