/**
 * Recovery: the policy IT sets and the agent's preferences, marks on calls, breaks and the
 * reflection after one (`recovery:*`, `marks:*`, `breaks:*`, `reflections:*`). Imports only zod.
 */
import { z } from 'zod';

import { AbuseCategory, BreakTrigger, CallHandle, JournalId, MarkKind } from './common';

const seconds = (min: number, max: number) => z.number().int().min(min).max(max);

// ---------------------------------------------------------------- policy and preferences

export const QueueWebhookPolicy = z.object({
  /** Where the phone POSTs its availability (`{agent, state, reason, until}`); null: off. */
  url: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/\S+$/i, 'http-url')
    .nullable(),
  timeoutMs: z.number().int().min(100).max(30_000),
  retries: z.number().int().min(0).max(5),
});

/** What IT decides (pre-configured in settings.json); the agent sees it but cannot change it. */
export const RecoveryPolicy = z.object({
  defaultBreakSeconds: seconds(10, 3600),
  /** The floor: a break cannot be ended before this. */
  minimumBreakSeconds: seconds(0, 3600),
  /** The ceiling: extensions stop here. */
  maximumBreakSeconds: seconds(10, 7200),
  extendBySeconds: seconds(10, 600),
  /** How long after a call ends it can still be marked. */
  markWindowMinutes: z.number().int().min(0).max(60),
  repeatedAbuse: z.object({
    marks: z.number().int().min(2).max(50),
    withinMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    suggestedBreakSeconds: seconds(30, 7200),
  }),
  queueWebhook: QueueWebhookPolicy,
  /** Who "Transfer to my lead" calls: an extension, number or sip: address; null hides the button. */
  leadUri: z.string().trim().min(1).max(256).nullable(),
  /** Private notes older than this many days are erased; null keeps them. */
  noteRetentionDays: z.number().int().min(1).max(3650).nullable(),
  /** How far back a caller's abusive mark gives the incoming card a heads-up, in days; 0 turns it off. */
  markedBeforeDays: z.number().int().min(0).max(365).default(30),
  /** The name the queue webhook knows this agent by (never a caller's). */
  agentName: z.string().trim().max(128).nullable(),
});
export type RecoveryPolicy = z.infer<typeof RecoveryPolicy>;

/** What the agent decides. */
export const RecoveryPreferences = z.object({
  reducedMotion: z.boolean(),
  loudCallSuggestion: z.boolean(),
  chime: z.boolean(),
});
export type RecoveryPreferences = z.infer<typeof RecoveryPreferences>;

export const RecoverySettings = z.object({ policy: RecoveryPolicy, preferences: RecoveryPreferences });
export type RecoverySettings = z.infer<typeof RecoverySettings>;

// ---------------------------------------------------------------- marks

export const MarkInput = z.discriminatedUnion('kind', [
  z.object({
    callId: CallHandle,
    kind: z.literal('abusive'),
    /** Left out when the agent chose none: nothing is recorded for them. */
    severity: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    categories: z.array(AbuseCategory).max(6).default([]),
  }),
  z.object({ callId: CallHandle, kind: z.literal('proud') }),
]);
export type MarkInput = z.input<typeof MarkInput>;

export const MarkReceipt = z.object({
  markId: JournalId,
  kind: MarkKind,
  callId: CallHandle,
  /** Until this time (ms since epoch) the mark can be undone. */
  undoUntil: z.number(),
});
export type MarkReceipt = z.infer<typeof MarkReceipt>;

// ---------------------------------------------------------------- breaks

export const ActiveBreak = z.object({
  id: JournalId,
  callId: JournalId.nullable(),
  trigger: BreakTrigger,
  startedAt: z.number(),
  endsAt: z.number(),
  /** Before this the break cannot be ended (the policy's floor). */
  canEndAt: z.number(),
  /** Extending stops here (the policy's ceiling). */
  latestEndsAt: z.number(),
  extendBySeconds: z.number().int(),
});
export type ActiveBreak = z.infer<typeof ActiveBreak>;

export const QueueStatus = z.object({
  state: z.enum(['off', 'sending', 'sent', 'failed']),
  /** Why the last post failed, in plain words (shown; the break goes on regardless). */
  error: z.string().max(500).nullable(),
});

export const RecoveryState = z.object({
  active: ActiveBreak.nullable(),
  /** A break waiting for the call to end (breaks never interrupt a call). */
  scheduled: z.object({ trigger: BreakTrigger, seconds: z.number().int() }).nullable(),
  /** Several abusive calls within the policy's window: a longer break is suggested. */
  suggestLonger: z.object({ marks: z.number().int(), seconds: z.number().int() }).nullable(),
  /** The break that ended and may be reflected on. */
  reflection: z.object({ breakId: JournalId, callId: JournalId.nullable() }).nullable(),
  queue: QueueStatus,
  /** Main's clock when this was sent, so the window's countdown follows main's time. */
  now: z.number(),
});
export type RecoveryState = z.infer<typeof RecoveryState>;

// ---------------------------------------------------------------- reflections

export const HelpedTag = z.enum(['breathing', 'pause', 'reframe', 'colleague', 'water', 'moving', 'nothing']);
export type HelpedTag = z.infer<typeof HelpedTag>;

const scale = z.number().int().min(1, 'scale').max(5, 'scale');

export const ReflectionInput = z.object({
  breakId: JournalId,
  mood: scale,
  difficulty: scale,
  felt: z.string().trim().max(1000, 'too-long').default(''),
  thought: z.string().trim().max(1000, 'too-long').default(''),
  helped: z.array(HelpedTag).max(7).default([]),
  /** "It was not about me", from 1 (disagree) to 5 (agree); null when left out. */
  notAboutMe: scale.nullable().default(null),
  talkToLead: z.boolean().default(false),
});
export type ReflectionInput = z.input<typeof ReflectionInput>;
