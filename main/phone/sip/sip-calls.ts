/**
 * Calls over sip.js, in Steadyline's vocabulary: incoming calls are admitted (or refused, for
 * breaks and do-not-disturb) before they ring, outgoing calls ring (180), play early media (183
 * with SDP) and follow redirects (3xx), and every call ends with one reason and status.
 */
import { Invitation, Inviter, SessionState, UserAgent, type Session, type URI } from 'sip.js';

import { systemClock, type Clock } from '../../kernel/clock';

import { offersHold } from './bridged-sdh';
import {
  endReasonOf,
  newRecord,
  type CallEndReason,
  type CallRecord,
  type DtmfMethod,
  type SipCallsDelegate,
  type TransferTarget,
} from './call-types';
import { reinvite, sendTones } from './in-call';
import { remotePartyOf } from './remote-party';
import { nextRedirect, startTrail, type RedirectTrail } from './redirects';
import { transferCall } from './transfer';

export type * from './call-types';
export { TRANSFER_CONFIRM_MS } from './transfer';

const REASON_PHRASES = { 480: 'Temporarily Unavailable', 486: 'Busy Here', 603: 'Decline' } as const;

export class SipCalls {
  private readonly calls = new Map<string, CallRecord>();
  /** sip.js session id → our call id (they differ once a redirect replaced the first INVITE). */
  private readonly callIds = new Map<string, string>();

  constructor(
    private readonly userAgent: UserAgent,
    private readonly delegate: SipCallsDelegate,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Live calls (for leak checks: it must return to 0 when every call has ended). */
  get size(): number {
    return this.calls.size;
  }

  /** Our call id for a sip.js session (media is keyed by it, so a redirect keeps the same audio). */
  callIdOf(sessionId: string): string {
    return this.callIds.get(sessionId) ?? sessionId;
  }

  onInvite(invitation: Invitation): void {
    const info = {
      id: invitation.id,
      sipCallId: invitation.request.callId,
      remote: remotePartyOf(invitation),
    };
    const refusal = this.delegate.admit(info);
    if (refusal) {
      const extraHeaders = refusal.retryAfterSeconds ? [`Retry-After: ${refusal.retryAfterSeconds}`] : [];
      const reasonPhrase = REASON_PHRASES[refusal.statusCode];
      void invitation
        .reject({ statusCode: refusal.statusCode, reasonPhrase, extraHeaders })
        .catch(() => undefined);
      return;
    }
    const record = this.track(invitation.id, invitation);
    invitation.delegate = {
      onCancel: () => (record.remoteCancelled = true),
      // A re-INVITE (hold, transfer) sent before the caller's ACK would cross it: wait for it.
      onAck: () => record.confirm(),
    };
    // 180 Ringing only now that the call is admitted (sip.js's automatic one is off: see
    // SipUserAgent), and before the window hears of it, which may answer at once (auto-answer).
    void invitation.progress().catch(() => undefined);
    this.delegate.onRinging(info);
  }

  /** Starts an outgoing call to a SIP URI; returns its id and SIP Call-ID. */
  dial(targetUri: string, extraHeaders: string[] = []): { id: string; sipCallId: string } {
    const target = UserAgent.makeURI(targetUri);
    if (!target) throw new Error(`not a SIP URI: ${targetUri}`);
    const inviter = this.inviter(target, extraHeaders);
    const record = this.track(inviter.id, inviter);
    this.invite(record, inviter, startTrail(target), extraHeaders);
    return { id: inviter.id, sipCallId: inviter.request.callId };
  }

  answer(id: string): void {
    const { session } = this.require(id);
    if (!(session instanceof Invitation)) throw new Error('only an incoming call can be answered');
    void session.accept().catch(() => this.finish(id, 'failed'));
  }

  decline(id: string, statusCode: 486 | 603): void {
    const record = this.require(id);
    if (!(record.session instanceof Invitation)) throw new Error('only an incoming call can be declined');
    record.localReason = 'declined';
    void record.session
      .reject({ statusCode, reasonPhrase: REASON_PHRASES[statusCode] })
      .catch(() => undefined);
  }

  /** Ends a call in whatever state it is: CANCEL before answer, BYE after. */
  hangup(id: string): void {
    const record = this.require(id);
    const { session } = record;
    record.localReason = record.established ? 'local-hangup' : 'cancelled';
    if (session.state === SessionState.Established) void session.bye().catch(() => undefined);
    else if (session instanceof Inviter) void session.cancel().catch(() => undefined);
    else if (session instanceof Invitation) {
      record.localReason = 'declined';
      void session.reject().catch(() => undefined);
    }
  }

  /** Puts the other side on hold (re-INVITE, a=sendonly) or resumes; resolves once they accept. */
  async hold(id: string, held: boolean): Promise<void> {
    const record = this.require(id);
    if (record.session.state !== SessionState.Established) throw new Error('the call is not connected');
    await record.confirmed;
    await reinvite(record.session, held);
    this.delegate.onCallEvent(id, { kind: 'hold', by: 'local', held });
  }

  /** A new offer inside a call: the other side holds (a=sendonly/inactive) or resumes. */
  onRemoteOffer(sessionId: string, sdp: string): void {
    const id = this.callIdOf(sessionId);
    if (!this.calls.get(id)?.established) return;
    this.delegate.onCallEvent(id, { kind: 'hold', by: 'remote', held: offersHold(sdp) });
  }

  /** Sends keypad tones (see in-call.ts). */
  sendDtmf(id: string, tones: string, method: DtmfMethod): Promise<void> {
    return sendTones(this.require(id).session, tones, method);
  }

  /** Transfers a connected call (blind or attended; see transfer.ts). */
  transfer(id: string, target: TransferTarget): Promise<void> {
    return transferCall(this.require(id), target, {
      clock: this.clock,
      require: (other) => this.require(other),
      handedOver: (record) => this.endAsTransferred(record),
    });
  }

  /** Connected calls, which can outlive a lost signalling connection (see call-recovery.ts). */
  connected(): ReadonlyArray<Pick<CallRecord, 'id' | 'session'>> {
    return [...this.calls.values()].filter((record) => record.established);
  }

  /** Ends a call kept through a lost connection that could not be refreshed: BYE, transport-lost. */
  endAfterConnectionLoss(id: string): void {
    const record = this.calls.get(id);
    if (!record) return;
    record.localReason = 'transport-lost';
    if (record.session.state !== SessionState.Established) return this.finish(id, 'transport-lost');
    void record.session.bye().catch(() => this.finish(id, 'transport-lost'));
  }

  /** Ends every call whose transport is gone (nothing can be sent on it); all but connected ones if asked. */
  transportLost(keepConnected = false): void {
    for (const record of [...this.calls.values()])
      if (!keepConnected || !record.established) this.finish(record.id, 'transport-lost');
  }

  /** Ends every call as the agent would (quit, account changed): BYE, CANCEL or a refusal. */
  hangupAll(): void {
    for (const id of [...this.calls.keys()]) this.hangup(id);
  }

  private inviter(target: URI, extraHeaders: string[]): Inviter {
    // earlyMedia: the answer in a 183 is applied at once, so ringback and announcements play.
    return new Inviter(this.userAgent, target, { extraHeaders, earlyMedia: true });
  }

  /** Sends an outgoing INVITE; a 3xx replaces it by a new one to the next Contact (same call id). */
  private invite(record: CallRecord, inviter: Inviter, trail: RedirectTrail, extraHeaders: string[]): void {
    void inviter
      .invite({
        requestDelegate: {
          onProgress: ({ message }) => {
            // Told after sip.js applied the response, so possibly after a 200 that came with it.
            const ringing = message.statusCode === 180 || message.statusCode === 183;
            if (ringing && !record.established && record.session === inviter)
              this.delegate.onCallEvent(record.id, { kind: 'early' });
          },
          onReject: ({ message }) => (record.remoteStatus = message.statusCode ?? null),
          onRedirect: ({ message }) => {
            record.remoteStatus = message.statusCode ?? null;
            const next = record.localReason ? null : nextRedirect(message, trail);
            if (!next) return;
            const followed = this.inviter(next, extraHeaders);
            this.track(record.id, followed, record);
            this.invite(record, followed, trail, extraHeaders);
          },
        },
      })
      .catch(() => record.session === inviter && this.finish(record.id, 'failed'));
  }

  /** Hangs up our leg of a call that was handed over, and journals it as transferred. */
  private endAsTransferred(record: CallRecord): void {
    record.localReason = 'transferred';
    if (record.session.state === SessionState.Established) void record.session.bye().catch(() => undefined);
    this.finish(record.id, 'transferred');
  }

  private require(id: string): CallRecord {
    const record = this.calls.get(id);
    if (!record) throw new Error(`no call ${id}`);
    return record;
  }

  /** Follows `session` as call `id`: a new record, or (redirect) the existing one's new session. */
  private track(id: string, session: Session, existing?: CallRecord): CallRecord {
    const record = existing ?? newRecord(id, session);
    record.session = session;
    this.calls.set(id, record);
    this.callIds.set(session.id, id);
    const listener = (state: SessionState) => {
      if (record.session !== session) return void session.stateChange.removeListener(listener);
      if (state === SessionState.Established) {
        record.established = true;
        if (session instanceof Inviter) record.confirm();
        this.delegate.onCallEvent(id, { kind: 'established' });
      } else if (state === SessionState.Terminated) {
        session.stateChange.removeListener(listener);
        // sip.js terminates a rejected or redirected Inviter *before* calling our onReject or
        // onRedirect: wait one microtask so the final status (or the redirect) is known.
        queueMicrotask(() => record.session === session && this.finish(id, endReasonOf(record)));
      }
    };
    session.stateChange.addListener(listener);
    return record;
  }

  private finish(id: string, reason: CallEndReason): void {
    const record = this.calls.get(id);
    if (!record || record.ended) return;
    // The other side took the REFER and then hung up: the call was handed over.
    if (record.transfer?.accepted && reason === 'remote-hangup') return record.transfer.settle();
    record.transfer?.settle(new Error('the call ended before the transfer completed'));
    record.ended = true;
    record.confirm();
    this.calls.delete(id);
    for (const [sessionId, callId] of this.callIds) if (callId === id) this.callIds.delete(sessionId);
    const sipStatus = reason === 'busy' || reason === 'failed' ? record.remoteStatus : null;
    this.delegate.onCallEvent(id, { kind: 'ended', reason, sipStatus });
  }
}
