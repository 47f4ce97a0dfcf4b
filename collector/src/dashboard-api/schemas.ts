/**
 * What the lead's dashboard receives: the dashboard API's response shapes (zod, strict), shared
 * by the routes and (as types only) by the page in collector/dashboard/. Only team-level figures
 * for weeks that met k, named agents' own rows, and counts: never an anonymous individual row.
 */
import { z } from 'zod';

import { CategoryCounts, IsoWeek } from '../../../preload/schemas/team-summary';

/** The same figures for a team-week and for a named agent-week. */
export const WeekFigures = z.strictObject({
  /** Agents who contributed (1 for a named agent-week). */
  contributors: z.number().int().min(0),
  breaksPerAgent: z.number().min(0),
  breakMinutes: z.number().min(0),
  abusiveTotal: z.number().int().min(0),
  abusiveByCategory: CategoryCounts,
  /** Share (0–1) of breaks that were extended; null when no break was taken. */
  extendedShare: z.number().min(0).max(1).nullable(),
  /** Median of the contributors' median mood after breaks (1–5); null when none. */
  medianMood: z.number().min(1).max(5).nullable(),
  /**
   * Recorded warnings played to callers (payload v2). Null when not known: for a team-week, when
   * any contributor's app sent payload v1 (no partial sum is ever shown as the team's); for a
   * named row, when that agent's app sent v1.
   */
  warningsPlayed: z.number().int().min(0).nullable(),
});
export type WeekFigures = z.infer<typeof WeekFigures>;

export const TeamWeek = z.discriminatedUnion('status', [
  z.strictObject({ week: IsoWeek, status: z.literal('shown'), figures: WeekFigures }),
  /** Fewer than k agents shared: no figures at all, not even the count. */
  z.strictObject({ week: IsoWeek, status: z.literal('suppressed') }),
  /** Not closed yet: agents can still share it; figures appear once it is frozen. */
  z.strictObject({ week: IsoWeek, status: z.literal('open') }),
]);
export type TeamWeek = z.infer<typeof TeamWeek>;

export const TeamRef = z.strictObject({ id: z.uuid(), name: z.string() });
export type TeamRef = z.infer<typeof TeamRef>;

export const SessionInfo = z.strictObject({
  lead: z.strictObject({ id: z.uuid(), displayName: z.string() }),
  teams: z.array(TeamRef),
  /** Sent back in the X-CSRF-Token header with every state-changing request. */
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SignInRequest = z.strictObject({
  login: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(256),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const TeamWeeks = z.strictObject({
  team: TeamRef,
  k: z.number().int().min(3),
  /** The last 12 ISO weeks, oldest first. */
  weeks: z.array(TeamWeek),
});
export type TeamWeeks = z.infer<typeof TeamWeeks>;

export const NamedRow = z.strictObject({ week: IsoWeek, agentName: z.string(), figures: WeekFigures });
export type NamedRow = z.infer<typeof NamedRow>;

export const NamedRows = z.strictObject({ rows: z.array(NamedRow) });
export type NamedRows = z.infer<typeof NamedRows>;

export const CheckIns = z.strictObject({
  week: IsoWeek,
  /** Named agents who asked for a check-in that week. */
  named: z.array(
    z.strictObject({ id: z.uuid(), agentName: z.string(), doneAt: z.iso.datetime().nullable() }),
  ),
  /** Anonymous contributors who asked: a count, and null unless the week met k. */
  anonymousCount: z.number().int().min(0).nullable(),
});
export type CheckIns = z.infer<typeof CheckIns>;

export const CheckInDone = z.strictObject({ id: z.uuid(), doneAt: z.iso.datetime() });
export type CheckInDone = z.infer<typeof CheckInDone>;
