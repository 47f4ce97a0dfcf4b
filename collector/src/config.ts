/**
 * The collector's settings, validated: a wrong value stops the collector at start with a clear
 * message instead of running with a weaker privacy rule. `k` can be lowered to 3 and no further.
 */
import { z } from 'zod';

import { OidcConfig } from './auth/oidc-config';

export const MIN_K = 3;

export const CollectorConfig = z.strictObject({
  /** Team figures for a week exist only when at least k distinct agents contributed. */
  k: z.number().int().min(MIN_K, `k can be lowered to ${MIN_K} and no further`).max(1000).default(5),
  /**
   * A week closes (its team figures are frozen) this many days after the ISO week ended in UTC,
   * so agents can share a week once it is complete; min 1 so the week is over in every time zone.
   */
  closeWeeksAfterDays: z.number().int().min(1).max(28).default(2),
  /** The largest request body accepted (a summary is about 600 bytes). */
  bodyLimitBytes: z.number().int().min(1024).max(1_048_576).default(16_384),
  /** Requests per install token (or per address without one) per window, per process. */
  rateLimitMax: z.number().int().min(1).default(120),
  rateLimitWindowMs: z.number().int().min(1000).default(60_000),
  /** Enrollment attempts per address per window: enrollment codes must not be guessable by trying. */
  enrollRateLimitMax: z.number().int().min(1).default(10),
  /** Behind a reverse proxy: trust X-Forwarded-For from it (client address for rate limits). */
  trustProxy: z.boolean().default(false),
  /** How often a process freezes closed weeks (each figures read also freezes first). */
  freezeEveryMs: z.number().int().min(1000).default(600_000),
  /** OpenID Connect single sign-on for the lead dashboard (collector/src/auth/oidc-config.ts); off when absent. */
  oidc: OidcConfig.optional(),
});
export type CollectorConfig = z.infer<typeof CollectorConfig>;
export type CollectorConfigInput = z.input<typeof CollectorConfig>;

export function parseCollectorConfig(input: CollectorConfigInput = {}): CollectorConfig {
  return CollectorConfig.parse(input);
}
