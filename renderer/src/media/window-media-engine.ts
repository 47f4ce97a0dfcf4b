/**
 * The window's side of main's media engine: main asks (`media:request`) for an offer, an answer,
 * tones or a close for a call; this engine does it with one CallAudio per call and answers
 * (`media:respond`). Requests for one call run one after another, in the order main sent them.
 */
import type { MediaRequest, MediaResponse } from '../../../preload/contract';

import { CallAudio, type CallAudioDeps } from './call-audio';

type Outcome = Omit<Extract<MediaResponse, { ok: true }>, 'requestId' | 'ok'>;

export class WindowMediaEngine {
  private readonly calls = new Map<string, CallAudio>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: CallAudioDeps) {}

  /** Does what main asked and says how it went; never throws. */
  handle(request: MediaRequest): Promise<MediaResponse> {
    const previous = this.queues.get(request.callId) ?? Promise.resolve();
    const done = previous.then(() => this.perform(request));
    const settled = done.then(
      (outcome): MediaResponse => ({ requestId: request.requestId, ok: true, ...outcome }),
      (error: unknown): MediaResponse => ({
        requestId: request.requestId,
        ok: false,
        error: describe(error).slice(0, 500),
      }),
    );
    this.queues.set(request.callId, settled);
    void settled.then(() => {
      if (this.queues.get(request.callId) === settled) this.queues.delete(request.callId);
    });
    return settled;
  }

  /** The audio of a live call, for statistics (undefined once it has ended). */
  callAudio(callId: string): CallAudio | undefined {
    return this.calls.get(callId);
  }

  /** Mutes or unmutes the agent's microphone in a call; false when the call has no audio here. */
  setMuted(callId: string, muted: boolean): boolean {
    const audio = this.calls.get(callId);
    audio?.setMuted(muted);
    return Boolean(audio);
  }

  /** Ends every call's audio (the window is closing). */
  closeAll(): void {
    for (const audio of this.calls.values()) audio.close();
    this.calls.clear();
  }

  private async perform(request: MediaRequest): Promise<Outcome> {
    switch (request.op) {
      case 'offer':
        return { sdp: await this.audioOf(request.callId).offer(request.hold) };
      case 'answer': {
        const audio = this.audioOf(request.callId);
        const sdp = await audio.answer(request.sdp, request.hold);
        return { sdp, dtmf: audio.canSendDtmf() };
      }
      case 'remote-answer': {
        const audio = this.existing(request.callId);
        await audio.applyAnswer(request.sdp);
        return { dtmf: audio.canSendDtmf() };
      }
      case 'dtmf':
        this.existing(request.callId).sendDtmf(request.tones);
        return {};
      case 'close':
        this.calls.get(request.callId)?.close();
        this.calls.delete(request.callId);
        return {};
    }
  }

  private audioOf(callId: string): CallAudio {
    let audio = this.calls.get(callId);
    if (!audio) {
      audio = new CallAudio(this.deps);
      this.calls.set(callId, audio);
    }
    return audio;
  }

  private existing(callId: string): CallAudio {
    const audio = this.calls.get(callId);
    if (!audio) throw new Error('this window has no audio for that call (was it reloaded?)');
    return audio;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
