/**
 * The window's side of main's media engine: main asks (`media:request`) for an offer, an answer,
 * tones, a recorded warning or a close for a call; this engine does it with one CallAudio per call and answers
 * (`media:respond`). Requests for one call run one after another, in the order main sent them.
 */
import type { CallQuality, MediaRequest, MediaResponse } from '../../../preload/contract';

import { CallAudio, type CallAudioDeps } from './call-audio';
import { measureRemoteAudio } from './loudness';

type Outcome = Omit<Extract<MediaResponse, { ok: true }>, 'requestId' | 'ok'>;

export class WindowMediaEngine {
  private readonly calls = new Map<string, CallAudio>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Calls main has asked about: their audio closes when main says so (with a quality summary). */
  private readonly askedFor = new Set<string>();

  /**
   * @param deps how a call gets its microphone, speaker and ICE servers (read as each call starts)
   * @param onClosing told a call's final quality just before its audio closes (null: never measured)
   */
  constructor(
    private readonly deps: CallAudioDeps,
    private readonly onClosing: (callId: string, quality: CallQuality | null) => void = () => undefined,
  ) {}

  /** Changes the ICE servers or speaker for calls that start from now on. */
  configure(changes: Partial<Pick<CallAudioDeps, 'iceServers' | 'speakerId'>>): void {
    Object.assign(this.deps, changes);
  }

  /**
   * Gets a ringing call's audio ready before the agent answers: its connection starts gathering
   * ICE candidates now, so answering need not wait for a slow or unreachable STUN server.
   */
  prepare(callId: string): void {
    this.audioOf(callId);
  }

  /** Drops a prepared call's audio when the call ended without main ever asking for it. */
  discard(callId: string): void {
    if (this.askedFor.has(callId)) return;
    this.calls.get(callId)?.close();
    this.calls.delete(callId);
  }

  /** Ids of the calls with audio here. */
  callIds(): string[] {
    return [...this.calls.keys()];
  }

  /** Live quality of a call, or null when it has no audio here. */
  async quality(callId: string): Promise<CallQuality | null> {
    return (await this.calls.get(callId)?.quality()) ?? null;
  }

  /** Every call sends a newly opened microphone (hot swap, no renegotiation). */
  async switchMicrophone(): Promise<void> {
    for (const audio of this.calls.values()) await audio.switchMicrophone(await this.deps.openMicrophone());
  }

  /** Every call plays on this output device; later calls too. */
  async setSpeaker(deviceId: string): Promise<void> {
    this.deps.speakerId = deviceId;
    for (const audio of this.calls.values()) await audio.setSpeaker(deviceId);
  }

  /** Does what main asked and says how it went; never throws. */
  handle(request: MediaRequest): Promise<MediaResponse> {
    if (request.op === 'close') this.askedFor.delete(request.callId);
    else this.askedFor.add(request.callId);
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
      case 'warning':
        return { durationMs: await this.existing(request.callId).playWarning(bytesOf(request.audio)) };
      case 'warning-stop':
        this.calls.get(request.callId)?.stopWarning();
        return {};
      case 'close': {
        const audio = this.calls.get(request.callId);
        if (audio) this.onClosing(request.callId, await audio.quality().catch(() => null));
        audio?.close();
        this.calls.delete(request.callId);
        return {};
      }
    }
  }

  private audioOf(callId: string): CallAudio {
    let audio = this.calls.get(callId);
    if (!audio) {
      audio = new CallAudio({ ...this.deps, onRemoteStream: (stream) => measureRemoteAudio(callId, stream) });
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

/** The recording main sent (base64) as the bytes WebAudio decodes. */
function bytesOf(base64: string): ArrayBuffer {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  return bytes.buffer;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
