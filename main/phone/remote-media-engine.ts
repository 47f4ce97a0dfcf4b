/**
 * The media engine of the app: main's SIP stack decides when an offer, an answer or a tone is
 * needed, and the window's WebRTC engine makes it. Each operation goes out as a `media:request`
 * event and comes back as a `media:respond` request. A window that never answers, or is not
 * there, fails the operation after a bounded wait, so a call ends as "failed" instead of hanging.
 */
import { randomUUID } from 'node:crypto';

import type { MediaRequest, MediaResponse } from '../../preload/contract';
import type { Clock } from '../kernel/clock';
import { describeError } from '../kernel/describe-error';
import { UserFacingError } from '../kernel/user-facing-error';
import type { Logger } from '../logging/logger';

import type { MediaEngine, MediaOptions } from './media-engine';

/** Long enough for the microphone to open and ICE gathering (bounded at ~1 s in the window). */
export const MEDIA_ANSWER_TIMEOUT_MS = 8_000;

type WarningMime = Extract<MediaRequest, { op: 'warning' }>['mime'];
type WithoutId<T> = T extends unknown ? Omit<T, 'requestId'> : never;
type MediaAsk = WithoutId<MediaRequest>;
type Answered = Extract<MediaResponse, { ok: true }>;

interface Pending {
  ask: MediaAsk;
  resolve(answer: Answered): void;
  reject(error: Error): void;
  timer: unknown;
}

export interface RemoteMediaEngineOptions {
  /** Pushes a request to the window (main publishes it as the `media:request` event). */
  send(request: MediaRequest): void;
  logger: Logger;
  /** Times the window's answers out. */
  clock: Clock;
  timeoutMs?: number;
  newRequestId?: () => string;
}

export class RemoteMediaEngine implements MediaEngine {
  private readonly pending = new Map<string, Pending>();
  /** Per call: whether the window said tones can go in the audio (RFC 4733). */
  private readonly dtmfInMedia = new Map<string, boolean>();
  private readonly timeoutMs: number;
  private readonly newRequestId: () => string;

  constructor(private readonly options: RemoteMediaEngineOptions) {
    this.timeoutMs = options.timeoutMs ?? MEDIA_ANSWER_TIMEOUT_MS;
    this.newRequestId = options.newRequestId ?? randomUUID;
  }

  async createOffer(callId: string, options: MediaOptions = {}): Promise<string> {
    const answer = await this.ask({ op: 'offer', callId, hold: options.hold ?? false });
    return sdpOf(answer);
  }

  async createAnswer(callId: string, remoteOffer: string, options: MediaOptions = {}): Promise<string> {
    const answer = await this.ask({ op: 'answer', callId, sdp: remoteOffer, hold: options.hold ?? false });
    this.noteDtmf(callId, answer);
    return sdpOf(answer);
  }

  async setRemoteAnswer(callId: string, remoteAnswer: string): Promise<void> {
    this.noteDtmf(callId, await this.ask({ op: 'remote-answer', callId, sdp: remoteAnswer }));
  }

  /**
   * True when the window reported RFC 4733 for this call's negotiated audio: the tones are then
   * sent there without waiting. False makes the SIP stack send them as SIP INFO instead.
   */
  sendDtmf(callId: string, tones: string): boolean {
    if (!this.dtmfInMedia.get(callId)) return false;
    this.fireAndForget({ op: 'dtmf', callId, tones });
    return true;
  }

  /**
   * Plays a recorded warning into a call instead of the microphone (the window mixes it in with
   * WebAudio and replaceTrack); resolves with its length once it plays.
   */
  async playWarning(callId: string, recording: { bytes: Buffer; mime: WarningMime }): Promise<number> {
    const answer = await this.ask({
      op: 'warning',
      callId,
      audio: recording.bytes.toString('base64'),
      mime: recording.mime,
    });
    if (answer.durationMs === undefined)
      throw new Error('Call audio: the window did not say how long the warning plays');
    return answer.durationMs;
  }

  /** Stops a warning early: the microphone is sent again. */
  stopWarning(callId: string): void {
    this.fireAndForget({ op: 'warning-stop', callId });
  }

  close(callId: string): void {
    this.dtmfInMedia.delete(callId);
    for (const [requestId, pending] of this.pending) {
      if (pending.ask.callId === callId) this.settle(requestId)?.reject(new Error('the call ended'));
    }
    this.fireAndForget({ op: 'close', callId });
  }

  /** The window's answer to one request; an unknown or late answer is refused. */
  respond(response: MediaResponse): null {
    const pending = this.settle(response.requestId);
    if (!pending) throw new UserFacingError('not-found', 'No media request is waiting for that answer.');
    if (response.ok) pending.resolve(response);
    else pending.reject(this.failure(pending.ask, `the window could not make call audio: ${response.error}`));
    return null;
  }

  /** Fails every waiting request (the core is closing). */
  dispose(): void {
    for (const requestId of [...this.pending.keys()]) {
      this.settle(requestId)?.reject(new Error('Steadyline is closing'));
    }
  }

  /** Requests waiting for the window (0 when every call's media has been answered). */
  get waiting(): number {
    return this.pending.size;
  }

  private ask(ask: MediaAsk): Promise<Answered> {
    const requestId = this.newRequestId();
    return new Promise<Answered>((resolve, reject) => {
      const timer = this.options.clock.setTimeout(() => {
        const seconds = Math.round(this.timeoutMs / 100) / 10;
        this.settle(requestId)?.reject(
          this.failure(ask, `the window did not answer within ${seconds} s (is it open?)`),
        );
      }, this.timeoutMs);
      this.pending.set(requestId, { ask, resolve, reject, timer });
      try {
        this.options.send({ ...ask, requestId });
      } catch (error) {
        this.settle(requestId)?.reject(
          this.failure(ask, `the request could not be sent: ${describeError(error)}`),
        );
      }
    });
  }

  private fireAndForget(ask: MediaAsk): void {
    // Failures are logged by failure(); the SIP stack has already moved on.
    this.ask(ask).catch(() => undefined);
  }

  private settle(requestId: string): Pending | undefined {
    const pending = this.pending.get(requestId);
    if (!pending) return undefined;
    this.options.clock.clearTimeout(pending.timer);
    this.pending.delete(requestId);
    return pending;
  }

  private noteDtmf(callId: string, answer: Answered): void {
    if (answer.dtmf !== undefined) this.dtmfInMedia.set(callId, answer.dtmf);
  }

  private failure(ask: MediaAsk, reason: string): Error {
    this.options.logger.warn({ callId: ask.callId, op: ask.op, reason }, 'call audio request failed');
    return new Error(`Call audio (${ask.op}): ${reason}`);
  }
}

function sdpOf(answer: Answered): string {
  if (!answer.sdp) throw new Error('Call audio: the window answered without a session description');
  return answer.sdp;
}
