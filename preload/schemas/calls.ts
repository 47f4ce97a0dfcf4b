/** A live call as the agent sees it, what the agent can ask of it, and its audio quality. Imports only zod. */
import { z } from 'zod';

import { CallDirection, CallHandle, DtmfTones, JournalId } from './common';

/** One call as the agent sees it; `id` is main's handle for the call (not the SIP Call-ID). */
export const CallState = z.object({
  id: z.string(),
  /** The call's row in the journal (marks, breaks and quality summaries refer to it). */
  journalId: z.number().int(),
  direction: CallDirection,
  state: z.enum(['ringing', 'dialing', 'early', 'active', 'ended']),
  remote: z.object({ uri: z.string(), displayName: z.string().nullable() }),
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  /** The agent put the other side on hold. */
  heldByMe: z.boolean(),
  /** The other side put the agent on hold. */
  heldByRemote: z.boolean(),
  /** Rings while another call is connected (call waiting): answering it holds the other call. */
  waiting: z.boolean(),
  endReason: z.string().nullable(),
  /**
   * An incoming call from a caller this agent marked abusive within the policy's days: when
   * (main reads only this agent's journal). Null or absent: no heads-up.
   */
  markedBefore: z.object({ at: z.number() }).nullable().optional(),
});
export type CallState = z.infer<typeof CallState>;

/** Names the call a `phone:*` request acts on. */
export const CallId = z.object({ callId: CallHandle });

/** An extension, a number (E.164 or local digits) or a sip: URI, as the agent typed it. */
export const DialTarget = z.string().trim().min(1, 'required').max(256);

export const DtmfInput = CallId.extend({ tones: DtmfTones });

/** A call's audio quality: the window measures it (getStats), main keeps it with the call. */
export const CallQuality = z.object({
  /** Share of the other side's packets that never arrived, 0–100. */
  packetLossPercent: z.number().min(0).max(100),
  jitterMs: z.number().min(0).max(60_000),
  /** Round-trip time, when the far end sends RTCP reports; null otherwise. */
  roundTripMs: z.number().min(0).max(60_000).nullable(),
  /** Estimated mean opinion score (1–4.5), from a simplified E-model (renderer/src/media/mos.ts). */
  mos: z.number().min(1).max(5),
  packetsReceived: z.number().int().min(0),
  packetsSent: z.number().int().min(0),
});
export type CallQuality = z.infer<typeof CallQuality>;

/** A call's quality summary for its journal row (CallState.journalId). */
export const CallQualityReport = z.object({
  journalId: JournalId,
  quality: CallQuality,
});
