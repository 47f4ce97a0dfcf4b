/**
 * Call audio is made by the renderer's WebRTC engine, but main's SIP stack decides when an offer
 * or answer is needed: main pushes a `media:request` and the window answers with `media:respond`.
 * Imports only zod.
 */
import { z } from 'zod';

import { CallHandle, DtmfTones, RequestId } from './common';

const Sdp = z.string().min(1).max(65_536);
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
  }),
  z.object({ requestId: RequestId, ok: z.literal(false), error: z.string().max(500) }),
]);
export type MediaResponse = z.infer<typeof MediaResponse>;
