/**
 * The share screen's IPC shapes (channels `summaries:*`): the agent's consent, enrollment with
 * the team's collector, the preview (the exact JSON that would be sent), sharing, skipping, the
 * shared history with the exact bytes of each week, and revocation. The wire protocol itself is
 * ./team-summary.ts. Imports only zod.
 */
import { z } from 'zod';

import { IsoWeek, SharingConsent, WeeklySummaryV2 } from './team-summary';

export const ShareMode = z.enum(['ask', 'auto']);
export type ShareMode = z.infer<typeof ShareMode>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256');

/** What the share screen shows: the agent's choice, IT's policy, enrollment and the weekly card. */
export const SharingView = z.object({
  consent: SharingConsent,
  mode: ShareMode,
  name: z.string().nullable(),
  policy: z.object({
    sharingAllowed: z.boolean(),
    /** IT named the collector: the agent cannot change it. */
    collectorUrlSetByIt: z.boolean(),
    enrollmentCodeSetByIt: z.boolean(),
    /** IT gave this user the lead role: the app offers the team dashboard. */
    teamDashboard: z.boolean(),
  }),
  /** The collector in force (IT's, or the one the agent typed). */
  collectorUrl: z.string().nullable(),
  enrollment: z.object({ teamName: z.string(), enrolledAt: z.number() }).nullable(),
  /** Without an OS keychain the choice lasts for this run only (it then falls back to "don't share"). */
  choicePersists: z.boolean(),
  /** The last week that has ended. */
  lastCompleteWeek: IsoWeek,
  /** The week the "ask me each week" card offers (neither shared nor skipped yet), if any. */
  pendingWeek: IsoWeek.nullable(),
  /** Weeks waiting to be delivered, and revocations waiting to reach the collector. */
  outbox: z.object({ queued: z.number().int(), revocations: z.number().int() }),
});
export type SharingView = z.infer<typeof SharingView>;

export const SetSharingInput = z
  .strictObject({
    consent: SharingConsent,
    mode: ShareMode,
    name: z.string().trim().min(1, 'required').max(80).nullable(),
  })
  .refine((input) => input.consent !== 'named' || input.name !== null, {
    path: ['name'],
    message: 'required',
  });
export type SetSharingInput = z.infer<typeof SetSharingInput>;

export const EnrollInput = z.strictObject({
  /** The team's code as the agent typed it; omitted when IT's settings hold it. */
  code: z.string().trim().min(6, 'code').max(64).optional(),
  /** The collector's address, when IT did not set one. */
  collectorUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s/]+/i, 'url')
    .optional(),
});
export type EnrollInput = z.infer<typeof EnrollInput>;

export const PreviewInput = z.strictObject({
  week: IsoWeek.optional(),
  checkInRequested: z.boolean().default(false),
});

export const SummaryPreview = z.object({
  week: IsoWeek,
  /** Monday 00:00 and the next Monday 00:00 in the agent's zone (ms). */
  start: z.number(),
  end: z.number(),
  payload: WeeklySummaryV2,
  /** The exact bytes that would be sent. */
  json: z.string(),
  sha256: Sha256,
});
export type SummaryPreview = z.infer<typeof SummaryPreview>;

/** Shares the previewed week: `sha256` names the preview the agent saw, so what goes is what was shown. */
export const ShareInput = z.strictObject({
  week: IsoWeek,
  checkInRequested: z.boolean(),
  sha256: Sha256,
});

export const WeekInput = z.strictObject({ week: IsoWeek });

export const SharedWeekView = z.object({
  week: IsoWeek,
  consent: z.enum(['anonymous', 'named']),
  state: z.enum(['queued', 'sent', 'refused', 'revoking', 'revoked']),
  /** The exact bytes queued and sent. */
  json: z.string(),
  sha256: z.string(),
  queuedAt: z.number(),
  attempts: z.number().int(),
  sentAt: z.number().nullable(),
  /** When the collector says it stored the week (its receipt). */
  receivedAt: z.string().nullable(),
  revokeRequestedAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  /** Why the last try failed (no payload values). */
  lastError: z.string().nullable(),
});
export type SharedWeekView = z.infer<typeof SharedWeekView>;

/** What the collector holds for this install right now (GET /api/v1/weeks). */
export const CollectorHolding = z.object({
  checkedAt: z.number(),
  weeks: z.array(
    z.object({ week: IsoWeek, consent: z.enum(['anonymous', 'named']), receivedAt: z.string() }),
  ),
});
export type CollectorHolding = z.infer<typeof CollectorHolding>;
