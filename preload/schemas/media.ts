/**
 * Call audio is made by the renderer's WebRTC engine, but main's SIP stack decides when an offer
 * or answer is needed: main pushes a `media:request` and the window answers with `media:respond`.
 * Imports only zod.
 */
import { z } from 'zod';

import { CallHandle, DtmfTones, RequestId } from './common';

const Sdp = z.string().min(1).max(65_536);
/** IT's recordings may be up to 8 MiB; base64 makes 4 characters of 3 bytes. */
export const MAX_RECORDING_BYTES = 8 * 1024 * 1024;
const MAX_RECORDING_BASE64 = Math.ceil(MAX_RECORDING_BYTES / 3) * 4;
const MediaRequestBase = z.object({ requestId: RequestId, callId: CallHandle });

export const MediaRequest = z.discriminatedUnion('op', [
  /** Make an offer (a new outgoing call, a hold or resume, a re-INVITE without SDP). */
  MediaRequestBase.extend({ op: z.literal('offer'), hold: z.boolean() }),
  /** Answer the other side's offer. */
  MediaRequestBase.extend({ op: z.literal('answer'), sdp: Sdp, hold: z.boolean() }),
  /** The other side's answer to our last offer. */
  MediaRequestBase.extend({ op: z.literal('remote-answer'), sdp: Sdp }),
  /** Keypad tones in the audio (RFC 4733). */
  MediaRequestBase.extend({ op: z.literal('dtmf'), tones: DtmfTones }),
  /**
   * Play a recorded warning to the other side instead of the agent's microphone, and quietly to
   * the agent; answered once it plays, with its length. The microphone comes back when it ends.
   */
  MediaRequestBase.extend({
    op: z.literal('warning'),
    /** The recording's file, base64 (main validated it: WAV, Ogg Opus or MP3, at most 8 MiB). */
    audio: z.string().min(1).max(MAX_RECORDING_BASE64),
    mime: z.enum(['audio/wav', 'audio/ogg', 'audio/mpeg']),
  }),
  /** Stop a warning now (the agent stopped it, or the call is going on hold): the microphone comes back. */
  MediaRequestBase.extend({ op: z.literal('warning-stop') }),
  /** The call is over: release the microphone and the connection. */
  MediaRequestBase.extend({ op: z.literal('close') }),
]);
export type MediaRequest = z.infer<typeof MediaRequest>;
export type MediaOp = MediaRequest['op'];

export const MediaResponse = z.discriminatedUnion('ok', [
  z.object({
    requestId: RequestId,
    ok: z.literal(true),
    /** Our SDP, for `offer` and `answer`. */
    sdp: Sdp.optional(),
    /** Whether keypad tones can go in the audio (RFC 4733) once negotiated; otherwise main uses SIP INFO. */
    dtmf: z.boolean().optional(),
    /** How long the warning plays, for `warning`. */
    durationMs: z.number().int().min(0).max(600_000).optional(),
  }),
  z.object({ requestId: RequestId, ok: z.literal(false), error: z.string().max(500) }),
]);
export type MediaResponse = z.infer<typeof MediaResponse>;
