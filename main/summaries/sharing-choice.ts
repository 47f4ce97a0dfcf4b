/**
 * The agent's own sharing choice (consent, ask-or-automatic, the name to share under) as kept in
 * the settings file's `sharing` section, sealed with a key from the secret store (safeStorage in
 * the app). A choice the agent did not make through Steadyline, for example one IT wrote into
 * settings.json, has no valid seal and reads as "don't share": IT can never switch sharing on.
 * Without an OS keychain the key lives for this run only, so consent falls back to "don't share"
 * at the next start: the safe way round.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { z } from 'zod';

import { ShareMode } from '../../preload/schemas/summaries';
import { SharingConsent } from '../../preload/schemas/team-summary';
import type { SecretStore } from '../settings/secret-store';

export const SHARING_SEAL_SECRET = 'sharing-consent-key';

export const SharingChoice = z.object({
  consent: SharingConsent,
  mode: ShareMode,
  /** The name a 'named' summary carries. */
  name: z.string().trim().min(1).max(80).nullable(),
});
export type SharingChoice = z.infer<typeof SharingChoice>;

export const Enrollment = z.object({
  collectorUrl: z.string().max(500),
  installId: z.string().max(64),
  teamId: z.string().max(64),
  teamName: z.string().max(200),
  enrolledAt: z.number(),
});
export type Enrollment = z.infer<typeof Enrollment>;

export const StoredSharing = z.object({
  choice: SharingChoice,
  decidedAt: z.number().nullable(),
  seal: z.string().max(128).nullable(),
  /** The collector address the agent typed (IT's policy wins when it names one). */
  collectorUrl: z.string().max(500).nullable(),
  enrollment: Enrollment.nullable(),
});
export type StoredSharing = z.infer<typeof StoredSharing>;

export const DONT_SHARE: SharingChoice = { consent: 'none', mode: 'ask', name: null };

export const DEFAULT_SHARING: StoredSharing = {
  choice: DONT_SHARE,
  decidedAt: null,
  seal: null,
  collectorUrl: null,
  enrollment: null,
};

export const StoredSharingSection = StoredSharing.default(DEFAULT_SHARING);

function sealOf(key: string, choice: SharingChoice, decidedAt: number): string {
  const { consent, mode, name } = choice;
  return createHmac('sha256', Buffer.from(key, 'hex'))
    .update(JSON.stringify([consent, mode, name, decidedAt]))
    .digest('hex');
}

/** The seal key, made on first use. */
function sealKey(secrets: SecretStore): string {
  let key = secrets.get(SHARING_SEAL_SECRET);
  if (!key) {
    key = randomBytes(32).toString('hex');
    secrets.set(SHARING_SEAL_SECRET, key);
  }
  return key;
}

/** Records the agent's choice with its seal. */
export function sealChoice(
  stored: StoredSharing,
  choice: SharingChoice,
  decidedAt: number,
  secrets: SecretStore,
): StoredSharing {
  return { ...stored, choice, decidedAt, seal: sealOf(sealKey(secrets), choice, decidedAt) };
}

/** The choice in force: the stored one if its seal is the agent's, otherwise "don't share". */
export function choiceInForce(stored: StoredSharing, secrets: SecretStore): SharingChoice {
  const key = secrets.get(SHARING_SEAL_SECRET);
  if (!key || !stored.seal || stored.decidedAt === null) return DONT_SHARE;
  const expected = Buffer.from(sealOf(key, stored.choice, stored.decidedAt), 'hex');
  const found = Buffer.from(stored.seal, 'hex');
  if (found.length !== expected.length || !timingSafeEqual(found, expected)) return DONT_SHARE;
  return stored.choice;
}
