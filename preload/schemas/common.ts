/**
 * The small vocabulary several domains share: a call's handle, keypad tones, a media request id,
 * call directions and endings, abuse categories and break triggers. Each is typed once, here;
 * main's journal (its CHECK lists), the SIP engine and the renderer derive from these.
 * Imports only zod.
 */
import { z } from 'zod';

/**
 * Main's handle for a live call (not the SIP Call-ID): for an incoming call sip.js makes it from the
 * Call-ID and the From tag, each at most one header field (8,192 characters, the limit of
 * main/phone/sip/inbound-limits.ts), so any call the phone lets ring can be answered or declined.
 */
export const MAX_CALL_HANDLE_CHARS = 16_384;
export const CallHandle = z.string().min(1).max(MAX_CALL_HANDLE_CHARS);

/** A row id in the journal (calls, marks, breaks, reflections). */
export const JournalId = z.number().int().positive();

/** Keypad tones (RFC 4733 events): digits, star, hash and A–D, up to 32 at once. */
export const DtmfTones = z.string().regex(/^[0-9*#A-D]{1,32}$/, 'dtmf');

/** Pairs a `media:request` with the window's `media:respond`. */
export const RequestId = z.string().min(1).max(64);

export const CallDirection = z.enum(['inbound', 'outbound']);
export type CallDirection = z.infer<typeof CallDirection>;

/**
 * How a call ended. `deferred` and `missed` are set by the phone service (a call refused or left
 * ringing), `interrupted` by the journal when Steadyline died while the call was open; the rest by
 * the SIP engine.
 */
export const CallEndReason = z.enum([
  'local-hangup',
  'remote-hangup',
  'declined',
  'cancelled',
  'busy',
  'failed',
  'transport-lost',
  'deferred',
  'missed',
  'transferred',
  'interrupted',
]);
export type CallEndReason = z.infer<typeof CallEndReason>;

export const MarkKind = z.enum(['abusive', 'proud']);
export type MarkKind = z.infer<typeof MarkKind>;

export const AbuseCategory = z.enum([
  'shouting',
  'insults',
  'threats',
  'harassment',
  'sexual-harassment',
  'other',
]);
export type AbuseCategory = z.infer<typeof AbuseCategory>;

export const BreakTrigger = z.enum(['abusive-call', 'manual', 'suggested-long']);
export type BreakTrigger = z.infer<typeof BreakTrigger>;

/** How a break ended; `interrupted`: Steadyline died during it and the next start closed it. */
export const BreakEnding = z.enum([
  'completed',
  'ended-early',
  'extended-and-completed',
  'interrupted-by-quit',
  'interrupted',
]);
export type BreakEnding = z.infer<typeof BreakEnding>;

/** What the phone goes back to when a break ends. */
export const RestoredAvailability = z.enum(['available', 'dnd']);
export type RestoredAvailability = z.infer<typeof RestoredAvailability>;
