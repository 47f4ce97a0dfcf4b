/**
 * Calls over sip.js, in Steadyline's vocabulary: incoming calls are admitted (or refused, for
 * breaks and do-not-disturb) before they ring, and every call ends with one reason and status.
 */
import { Grammar, Invitation, Inviter, SessionState, UserAgent, type Session } from 'sip.js';

import { offersHold, type HoldOption } from './bridged-sdh';

export type CallEndReason =
  | 'local-hangup'
  | 'remote-hangup'
  | 'declined'
  | 'cancelled'
  | 'busy'
  | 'failed'
  | 'transport-lost'
  | 'transferred';

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

interface CallRecord {
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

export type DtmfMethod = 'rfc4733' | 'info';
const DTMF_DURATION_MS = 160;
/** How long a transfer may wait for the other side's final NOTIFY (RFC 3515) before giving up. */
export const TRANSFER_CONFIRM_MS = 32_000;

const REASON_PHRASES = { 480: 'Temporarily Unavailable', 486: 'Busy Here', 603: 'Decline' } as const;

export class SipCalls {
  private readonly calls = new Map<string, CallRecord>();

  constructor(
    private readonly userAgent: UserAgent,
    private readonly delegate: SipCallsDelegate,
  ) {}

  /** Live calls (for leak checks: it must return to 0 when every call has ended). */
  get size(): number {
    return this.calls.size;
  }

  onInvite(invitation: Invitation): void {
    const info: IncomingCallInfo = {
      id: invitation.id,
      sipCallId: invitation.request.callId,
      remote: remotePartyOf(invitation),
    };
    const refusal = this.delegate.admit(info);
    if (refusal) {
      const extraHeaders = refusal.retryAfterSeconds ? [`Retry-After: ${refusal.retryAfterSeconds}`] : [];
      void invitation
        .reject({
          statusCode: refusal.statusCode,
          reasonPhrase: REASON_PHRASES[refusal.statusCode],
          extraHeaders,
        })
        .catch(() => undefined);
      return;
    }
    const record = this.track(invitation);
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
    const inviter = new Inviter(this.userAgent, target, { extraHeaders });
    const record = this.track(inviter);
    void inviter
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            if (response.message.statusCode === 183) this.delegate.onCallEvent(inviter.id, { kind: 'early' });
          },
          onReject: (response) => (record.remoteStatus = response.message.statusCode ?? null),
        },
      })
      .catch(() => this.finish(inviter.id, 'failed'));
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
    const { session } = record;
    if (session.state !== SessionState.Established) throw new Error('the call is not connected');
    await record.confirmed;
    const sessionDescriptionHandlerOptions: HoldOption = { hold: held };
    return new Promise((resolve, reject) => {
      void session
        .invite({
          sessionDescriptionHandlerOptions,
          requestDelegate: {
            onAccept: () => {
              this.delegate.onCallEvent(id, { kind: 'hold', by: 'local', held });
              resolve();
            },
            onReject: (response) =>
              reject(new Error(`the other side refused: ${response.message.statusCode}`)),
          },
        })
        .catch(reject);
    });
  }

  /** A new offer inside a call: the other side holds (a=sendonly/inactive) or resumes. */
  onRemoteOffer(id: string, sdp: string): void {
    const record = this.calls.get(id);
    if (!record?.established) return;
    this.delegate.onCallEvent(id, { kind: 'hold', by: 'remote', held: offersHold(sdp) });
  }

  /**
   * Sends DTMF tones: RFC 4733 through the media engine, or SIP INFO (application/dtmf-relay)
   * when the method is 'info' or the media path cannot send them.
   */
  async sendDtmf(id: string, tones: string, method: DtmfMethod): Promise<void> {
    const { session } = this.require(id);
    if (session.state !== SessionState.Established) throw new Error('the call is not connected');
    if (method === 'rfc4733' && session.sessionDescriptionHandler?.sendDtmf(tones)) return;
    for (const tone of tones) {
      const content = `Signal=${tone}\r\nDuration=${DTMF_DURATION_MS}\r\n`;
      await session.info({
        requestOptions: {
          body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content },
        },
      });
    }
  }

  /**
   * Transfers a connected call with REFER: to an address (blind) or to another connected call
   * (attended: REFER with Replaces, RFC 3891). Resolves when the other side reports success
   * (a NOTIFY with a 2xx sipfrag); this call, and the other call of an attended transfer, then
   * end as 'transferred'. Rejects, leaving the calls as they were, when the REFER is refused or
   * the transfer fails or is not confirmed in time.
   */
  async transfer(id: string, target: TransferTarget): Promise<void> {
    const record = this.require(id);
    const other = 'callId' in target ? this.require(target.callId) : null;
    if (record.session.state !== SessionState.Established || record.transfer)
      throw new Error('the call is not connected');
    if (other && (other === record || other.session.state !== SessionState.Established))
      throw new Error('the other call is not connected');
    const referTo = other ? other.session : UserAgent.makeURI('uri' in target ? target.uri : '');
    if (!referTo) throw new Error('not a SIP address');
    await Promise.all([record.confirmed, other?.confirmed]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => settle(new Error('the transfer was not confirmed')),
        TRANSFER_CONFIRM_MS,
      );
      timer.unref?.();
      const settle = (error?: Error) => {
        if (!record.transfer) return;
        clearTimeout(timer);
        record.transfer = null;
        if (error) return reject(error);
        for (const handedOver of [record, other]) if (handedOver) this.endAsTransferred(handedOver);
        resolve();
      };
      record.transfer = { accepted: false, settle };
      record.session
        .refer(referTo, {
          requestDelegate: {
            onAccept: () => record.transfer && (record.transfer.accepted = true),
            onReject: ({ message }) =>
              settle(
                new Error(
                  `the other side refused the transfer (${message.statusCode} ${message.reasonPhrase})`,
                ),
              ),
          },
          onNotify: (notification) => {
            notification.accept();
            const status = sipfragStatus(notification.request.body);
            if (status === null || status < 200) return;
            settle(status < 300 ? undefined : new Error(`the transfer failed (${status})`));
          },
        })
        .catch((error: unknown) => settle(error instanceof Error ? error : new Error(String(error))));
    });
  }

  /** Ends every call whose transport is gone (nothing can be sent on it any more). */
  transportLost(): void {
    for (const id of [...this.calls.keys()]) this.finish(id, 'transport-lost');
  }

  /** Ends every call as the agent would (quit, account changed): BYE, CANCEL or a refusal. */
  hangupAll(): void {
    for (const id of [...this.calls.keys()]) this.hangup(id);
  }

  /** Hangs up our leg of a call that was handed over, and journals it as transferred. */
  private endAsTransferred(record: CallRecord): void {
    record.localReason = 'transferred';
    if (record.session.state === SessionState.Established) void record.session.bye().catch(() => undefined);
    this.finish(record.session.id, 'transferred');
  }

  private require(id: string): CallRecord {
    const record = this.calls.get(id);
    if (!record) throw new Error(`no call ${id}`);
    return record;
  }

  private track(session: Session): CallRecord {
    let confirm: () => void = () => undefined;
    const confirmed = new Promise<void>((resolve) => (confirm = resolve));
    const record: CallRecord = {
      confirmed,
      confirm,
      session,
      localReason: null,
      remoteStatus: null,
      remoteCancelled: false,
      established: false,
      ended: false,
      transfer: null,
    };
    this.calls.set(session.id, record);
    const listener = (state: SessionState) => {
      if (state === SessionState.Established) {
        record.established = true;
        if (session instanceof Inviter) record.confirm();
        this.delegate.onCallEvent(session.id, { kind: 'established' });
      } else if (state === SessionState.Terminated) {
        session.stateChange.removeListener(listener);
        // sip.js terminates a rejected Inviter *before* calling our onReject with the status:
        // wait one microtask so the final status is known when the end reason is decided.
        queueMicrotask(() => this.finish(session.id, endReasonOf(record)));
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
    const sipStatus = reason === 'busy' || reason === 'failed' ? record.remoteStatus : null;
    this.delegate.onCallEvent(id, { kind: 'ended', reason, sipStatus });
  }
}

/** The status code in a REFER's NOTIFY body (message/sipfrag, for example "SIP/2.0 200 OK"). */
function sipfragStatus(body: string): number | null {
  const match = /^SIP\/2\.0 (\d{3})/.exec(body.trim());
  return match ? Number(match[1]) : null;
}

function endReasonOf(record: CallRecord): CallEndReason {
  if (record.localReason) return record.localReason;
  if (record.established) return 'remote-hangup';
  if (record.remoteCancelled) return 'cancelled';
  if (record.remoteStatus === 486 || record.remoteStatus === 600) return 'busy';
  return 'failed';
}

/** The caller's identity: P-Asserted-Identity, then Remote-Party-ID, then From. */
function remotePartyOf(invitation: Invitation): RemoteParty {
  const request = invitation.request;
  for (const header of ['P-Asserted-Identity', 'Remote-Party-ID']) {
    const value = request.getHeader(header);
    const parsed = value ? Grammar.nameAddrHeaderParse(value) : undefined;
    if (parsed) return { uri: parsed.uri.toString(), displayName: parsed.displayName || null };
  }
  return { uri: request.from.uri.toString(), displayName: request.from.displayName || null };
}
