/** Closing the day (issue 15): the day in one line, its proud calls, and the note left here. Imports only zod. */
import { z } from 'zod';

/** A call the agent marked proud today, to look at first. */
export const ProudCall = z.object({
  /** The call's journal row. */
  callId: z.number().int(),
  remote: z.object({ uri: z.string(), displayName: z.string().nullable() }),
  startedAt: z.number(),
  markedAt: z.number(),
});
export type ProudCall = z.infer<typeof ProudCall>;

/** Today (midnight to midnight in the agent's time zone), from the local journal only. */
export const DayOverview = z.object({
  from: z.number(),
  to: z.number(),
  /** Answered calls. */
  calls: z.number().int().min(0),
  breaks: z.number().int().min(0),
  proud: z.array(ProudCall),
});
export type DayOverview = z.infer<typeof DayOverview>;

/** "Anything still on your mind?": optional; blank saves nothing. Kept only in the journal. */
export const CloseDayInput = z.object({ note: z.string().max(4000).default('') });
export type CloseDayInput = z.input<typeof CloseDayInput>;

export const CloseDayResult = z.object({ saved: z.boolean() });

/** One day of "My week, in pictures". */
export const WeekDay = z.object({
  /** The day's midnight in the agent's time zone. */
  from: z.number(),
  breaks: z.number().int().min(0),
  abusive: z.number().int().min(0),
  /** The mean mood after breaks (1–5), null without a reflection that day. */
  mood: z.number().min(1).max(5).nullable(),
});

/** Monday to Sunday of one week, from the local journal only. */
export const WeekReview = z.object({
  from: z.number(),
  to: z.number(),
  weeksAgo: z.number().int().min(0),
  days: z.array(WeekDay).length(7),
  proud: z.array(ProudCall),
});
export type WeekReview = z.infer<typeof WeekReview>;

export const WeekReviewInput = z.object({ weeksAgo: z.number().int().min(0).max(52).default(0) }).default({
  weeksAgo: 0,
});
