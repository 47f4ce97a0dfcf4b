/**
 * The agent's private journal as the window reads it: the call history, the timeline of calls,
 * marks, breaks and reflections, export and deletion (`journal:*`). Imports only zod.
 */
import { z } from 'zod';

import { CallQuality } from './calls';
import { AbuseCategory, BreakTrigger, CallDirection, CallEndReason, JournalId, MarkKind } from './common';
import { WarningKind, WarningOutcome } from './warnings';

/** A call as the journal keeps it (`journal:listCalls`). */
export const JournalCall = z.object({
  id: z.number().int(),
  direction: CallDirection,
  remoteUri: z.string(),
  remoteDisplayName: z.string().nullable(),
  sipCallId: z.string(),
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  endReason: CallEndReason.nullable(),
  sipStatus: z.number().int().nullable(),
  /** The call's audio quality summary, when the window measured one. */
  quality: CallQuality.nullable().optional(),
});
export type JournalCall = z.infer<typeof JournalCall>;

export const ListCallsInput = z
  .object({
    limit: z.number().int().min(1).max(500).default(50),
    /** Keyset pagination: only calls that started before this time (ms since epoch). */
    before: z.number().int().positive().optional(),
    /** Matches the remote display name or URI. */
    search: z.string().trim().max(100).optional(),
  })
  .default({ limit: 50 });

export const JournalChange = z.object({
  table: z.enum(['calls', 'call_marks', 'breaks', 'reflections']),
});

// ---------------------------------------------------------------- the timeline

export const TimelineFilter = z.enum(['all', 'abusive', 'proud', 'breaks', 'reflections']);
export type TimelineFilter = z.infer<typeof TimelineFilter>;

export const TimelineQuery = z
  .object({
    filter: TimelineFilter.default('all'),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({ filter: 'all', limit: 100 });

const TimelineMark = z.object({
  id: JournalId,
  kind: MarkKind,
  severity: z.number().int().nullable(),
  categories: z.array(AbuseCategory),
  undone: z.boolean(),
});

/** A recorded warning played in the call (migration 011). */
const TimelineWarning = z.object({
  kind: WarningKind,
  at: z.number(),
  outcome: WarningOutcome.nullable(),
});

export const TimelineEntry = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('call'),
    id: JournalId,
    at: z.number(),
    direction: CallDirection,
    remoteUri: z.string(),
    remoteDisplayName: z.string().nullable(),
    endReason: z.string().nullable(),
    marks: z.array(TimelineMark),
    /** The warnings played in the call, in order (absent: none). */
    warnings: z.array(TimelineWarning).optional(),
  }),
  z.object({
    kind: z.literal('break'),
    id: JournalId,
    at: z.number(),
    callId: JournalId.nullable(),
    trigger: BreakTrigger,
    plannedSeconds: z.number().int(),
    actualSeconds: z.number().int().nullable(),
    endedHow: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('reflection'),
    id: JournalId,
    at: z.number(),
    breakId: JournalId.nullable(),
    callId: JournalId.nullable(),
    mood: z.number().int(),
    difficulty: z.number().int(),
    notAboutMe: z.number().int().nullable(),
    felt: z.string().nullable(),
    thought: z.string().nullable(),
    helped: z.array(z.string()),
    talkToLead: z.boolean(),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ExportInput = z.object({ format: z.enum(['csv', 'json']) });
export const ExportFile = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });
export type ExportFile = z.infer<typeof ExportFile>;

export const DeleteEntryInput = z.object({ kind: z.enum(['call', 'break', 'reflection']), id: JournalId });
