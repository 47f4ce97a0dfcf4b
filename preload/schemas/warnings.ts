/**
 * The recorded warning an agent plays to an abusive caller (issue 15): the warning, and the final
 * warning that ends the call. Imports only zod.
 */
import { z } from 'zod';

import { CallHandle } from './common';

export const WarningKind = z.enum(['warning', 'final']);
export type WarningKind = z.infer<typeof WarningKind>;

/** How a warning ended: played to its end, stopped (by the agent or a hold), with the call, not at all, or by a crash. */
export const WarningOutcome = z.enum(['played', 'stopped', 'call-ended', 'failed', 'interrupted']);
export type WarningOutcome = z.infer<typeof WarningOutcome>;

/** Plays a warning into a connected call; `final` hangs up when it ends and marks the call abusive. */
export const PlayWarningInput = z.object({ callId: CallHandle, kind: WarningKind });

/** A warning playing now: the agent's microphone is off until `endsAt` (main's clock). */
export const PlayingWarning = z.object({
  callId: z.string(),
  kind: WarningKind,
  startedAt: z.number(),
  endsAt: z.number(),
  /** IT's recording, or the built-in one. */
  source: z.enum(['built-in', 'it']),
});
export type PlayingWarning = z.infer<typeof PlayingWarning>;

/** What the window shows: the warning playing (if any), and whether IT's recordings could not be used. */
export const WarningsState = z.object({
  playing: PlayingWarning.nullable(),
  /** IT set a recording that could not be used; the built-in one plays instead. */
  itRecordingProblems: z.array(
    z.object({
      kind: WarningKind,
      reason: z.string().max(40),
    }),
  ),
});
export type WarningsState = z.infer<typeof WarningsState>;
