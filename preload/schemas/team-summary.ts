/**
 * The wire protocol between an agent's Steadyline and the team collector: the one versioned
 * schema of what an agent can ever choose to share, and the collector API's request and
 * response shapes. The app (main/summaries) and the collector (collector/) both import this file.
 *
 * Strict objects: an unknown key is refused, so a field cannot quietly start leaving the PC.
 * Never free text, agent-typed tags, caller names or numbers, Call-IDs or per-call times.
 * Imports only zod.
 */
import { z } from 'zod';

import { AbuseCategory } from './common';

/** An ISO week, `2026-W48` (Monday start). */
export const IsoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week such as 2026-W48');
export type IsoWeek = z.infer<typeof IsoWeek>;

/** What the agent chose: never share, count me anonymously, or share with my name. */
export const SharingConsent = z.enum(['none', 'anonymous', 'named']);
export type SharingConsent = z.infer<typeof SharingConsent>;

const count = z.number().int().min(0).max(100_000);

/** One count per abuse category, every category present (zero when none). */
export const CategoryCounts = z.strictObject(
  Object.fromEntries(AbuseCategory.options.map((category) => [category, count])) as Record<
    AbuseCategory,
    typeof count
  >,
);
export type CategoryCounts = z.infer<typeof CategoryCounts>;

/** Payload version 1: one agent's figures for one ISO week. */
export const WeeklySummaryV1 = z.strictObject({
  version: z.literal(1),
  week: IsoWeek,
  /** 'anonymous' summaries are stored without a name; 'named' ones carry `agentName`. */
  consent: z.enum(['anonymous', 'named']),
  /** Present only with consent 'named': the display name the agent shares under. */
  agentName: z.string().trim().min(1).max(80).optional(),
  callsHandled: count,
  abusiveMarks: z.strictObject({ total: count, byCategory: CategoryCounts }),
  proudMarks: count,
  breaks: z.strictObject({
    taken: count,
    minutes: z.number().min(0).max(100_000),
    extended: count,
    endedEarly: count,
  }),
  reflectionsCompleted: count,
  /** Median mood (1–5) in reflections after a break; null when there were none. */
  medianMoodAfterBreak: z.number().min(1).max(5).nullable(),
  /** Set by the agent on the share screen, never derived from a note. */
  checkInRequested: z.boolean(),
});
export type WeeklySummaryV1 = z.infer<typeof WeeklySummaryV1>;

/**
 * Payload version 2 (issue 15): V1's figures and how many recorded warnings the agent played to
 * abusive callers that week — a number only (no times, callers or kinds). A final warning counts
 * as one; a warning that failed to play is not counted (main/journal/team-week.ts).
 */
export const WeeklySummaryV2 = z.strictObject({
  ...WeeklySummaryV1.shape,
  version: z.literal(2),
  warningsPlayed: count,
});
export type WeeklySummaryV2 = z.infer<typeof WeeklySummaryV2>;

/** Every payload version the collector accepts, told apart by `version`. The app sends v2. */
export const WeeklySummaryPayload = z.discriminatedUnion('version', [WeeklySummaryV1, WeeklySummaryV2]);
export type WeeklySummaryPayload = z.infer<typeof WeeklySummaryPayload>;

// ---------------------------------------------------------------- collector API v1
// POST   /api/v1/enrollments        EnrollRequest → EnrollResponse (no token needed; the team code is the secret)
// PUT    /api/v1/weeks/:week        WeeklySummaryPayload (Bearer install token) → WeekReceipt; idempotent upsert
// DELETE /api/v1/weeks/:week        → DeleteReceipt (404-safe: deleting a week not held answers deleted: 0)
// DELETE /api/v1/weeks              → DeleteReceipt (everything this install shared)
// GET    /api/v1/weeks              → HeldWeeks (what the collector holds for this install)

export const EnrollRequest = z.strictObject({
  code: z.string().trim().min(6).max(64),
  /** A label IT sees in the installs list (the machine's host name), never the agent's name. */
  installLabel: z.string().trim().min(1).max(120),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.strictObject({
  installId: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  /** The per-install bearer token: kept in the secret store, never in settings or a log. */
  token: z.string().min(32).max(200),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const WeekReceipt = z.strictObject({
  week: IsoWeek,
  /** ISO 8601 time the collector stored it. */
  receivedAt: z.iso.datetime(),
  /** sha256 (hex) of the exact request body the collector received. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type WeekReceipt = z.infer<typeof WeekReceipt>;

export const DeleteReceipt = z.strictObject({
  deleted: z.number().int().min(0),
  deletedAt: z.iso.datetime(),
});
export type DeleteReceipt = z.infer<typeof DeleteReceipt>;

export const HeldWeeks = z.strictObject({
  weeks: z.array(
    z.strictObject({
      week: IsoWeek,
      consent: z.enum(['anonymous', 'named']),
      receivedAt: z.iso.datetime(),
      sha256: z.string(),
    }),
  ),
});
export type HeldWeeks = z.infer<typeof HeldWeeks>;

/** Every error the collector answers: a stable code and an English sentence for logs. */
export const CollectorError = z.strictObject({ error: z.string(), message: z.string() });
export type CollectorError = z.infer<typeof CollectorError>;
