/** The words SipCalls and its helpers (transfer, redirects) share with the call book, and a call's record. */
import { type Session } from 'sip.js';

import type { CallEndReason as AnyCallEndReason } from '../../../preload/schemas/common';

/** The endings the SIP engine gives itself (the phone service and the journal add the others). */
export type CallEndReason = Exclude<AnyCallEndReason, 'deferred' | 'missed' | 'interrupted'>;

/** Where a transfer sends the other side: an address (blind) or another connected call (attended). */
export type TransferTarget = { uri: string } | { callId: string };

export interface RemoteParty {
  uri: string;
  displayName: string | null;
}

export interface IncomingCallInfo {
  id: string;
  sipCallId: string;
  remote: RemoteParty;
}

export type CallEvent =
  /** An outgoing call rings at the other end (180) or plays early media (183). */
  | { kind: 'early' }
  | { kind: 'hold'; by: 'local' | 'remote'; held: boolean }
  | { kind: 'established' }
  | { kind: 'ended'; reason: CallEndReason; sipStatus: number | null };

export interface Refusal {
  statusCode: 480 | 486 | 603;
  retryAfterSeconds?: number;
}

export interface SipCallsDelegate {
  /** Decides, before anything rings, whether an incoming call may ring (null) or is refused. */
  admit(call: IncomingCallInfo): Refusal | null;
  onRinging(call: IncomingCallInfo): void;
  onCallEvent(id: string, event: CallEvent): void;
}

export type DtmfMethod = 'rfc4733' | 'info';

/** One call as SipCalls tracks it. `id` stays the same when a redirect replaces the session. */
export interface CallRecord {
  id: string;
  session: Session;
  localReason: CallEndReason | null;
  remoteStatus: number | null;
  remoteCancelled: boolean;
  established: boolean;
  ended: boolean;
  /** Settles when the dialog is confirmed: at once for our calls, on the caller's ACK for theirs. */
  confirmed: Promise<void>;
  confirm: () => void;
  /** Set while a transfer of this call is under way; `accepted` once the other side took the REFER. */
  transfer: { accepted: boolean; settle(error?: Error): void } | null;
}

/** A new record for a call that starts now. */
export function newRecord(id: string, session: Session): CallRecord {
  let confirm: () => void = () => undefined;
  const confirmed = new Promise<void>((resolve) => (confirm = resolve));
  return {
    id,
    session,
    confirmed,
    confirm,
    localReason: null,
    remoteStatus: null,
    remoteCancelled: false,
    established: false,
    ended: false,
    transfer: null,
  };
}

/** The one reason a call ended for, from what its record saw. */
export function endReasonOf(record: CallRecord): CallEndReason {
  if (record.localReason) return record.localReason;
  if (record.established) return 'remote-hangup';
  if (record.remoteCancelled) return 'cancelled';
  if (record.remoteStatus === 486 || record.remoteStatus === 600) return 'busy';
  return 'failed';
}
