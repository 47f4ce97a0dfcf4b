/**
 * IT's team-summary policy, read from the settings file's IT section (`summaryPolicy`) the way the
 * recovery policy is: written by IT before the agent starts, never changed by the app, defaults
 * when absent. IT may turn sharing off and say where summaries go (the collector's address and
 * the team's enrollment code). Nothing in it can turn an agent's sharing on: there is no such
 * key, and keys this schema does not know are dropped.
 */
import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), 'an http:// or https:// address');

export const SummaryPolicy = z.object({
  /** false: the share screen says IT turned sharing off, and nothing is ever sent. */
  sharingAllowed: z.boolean().default(true),
  /** The collector's base address; null lets the agent type it. */
  collectorUrl: httpUrl.nullable().default(null),
  /** The team's enrollment code, so agents need not type it; used only once the agent opts in. */
  enrollmentCode: z.string().trim().min(6).max(64).nullable().default(null),
  /** The lead role: the collector's dashboard (https) for a team lead; null for everyone else. */
  teamDashboardUrl: z
    .string()
    .trim()
    .max(500)
    .refine((value) => /^https:\/\/[^\s/]+/i.test(value), 'an https:// address')
    .nullable()
    .default(null),
});
export type SummaryPolicy = z.infer<typeof SummaryPolicy>;

export const DEFAULT_SUMMARY_POLICY: SummaryPolicy = {
  sharingAllowed: true,
  collectorUrl: null,
  enrollmentCode: null,
  teamDashboardUrl: null,
};

/** The stored section: absent → defaults; unknown keys (a `consent`, say) are dropped, not obeyed. */
export const StoredSummaryPolicy = SummaryPolicy.default(DEFAULT_SUMMARY_POLICY);

export { httpUrl as CollectorUrl };
