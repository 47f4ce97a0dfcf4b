/**
 * One call's audio: one RTCPeerConnection, the microphone track it sends and the <audio> element
 * that plays the other side. Hold is a direction (RFC 3264): we hold with sendonly (inactive when
 * they hold us too), and the browser answers their sendonly offer with recvonly by itself.
 */
import type { CallQuality } from '../../../preload/contract';

import { qualityFromStats } from './call-quality';
import { ICE_GATHERING_LIMIT_MS, iceGatheringDone } from './ice-gathering';

export interface CallAudioDeps {
  /** Opens the agent's microphone (the chosen device, or the default one). */
  openMicrophone(): Promise<MediaStream>;
  iceServers: RTCIceServer[];
  /** Where the other side's audio is played. */
  createAudioElement(): HTMLAudioElement;
  /** Told the other side's stream when it arrives (the loudness measure listens to it). */
  onRemoteStream?(stream: MediaStream): void;
  /** The output device for the other side's audio ('' = the system default). */
  speakerId?: string;
  /** The microphone stopped by itself (unplugged): the engine opens another one. */
  onMicrophoneEnded?(): void;
}

/** How loud the agent hears the warning played to the caller: quietly, under the caller's voice. */
export const WARNING_VOLUME_FOR_AGENT = 0.25;

interface PlayingWarning {
  context: AudioContext;
  source: AudioBufferSourceNode;
  track: MediaStreamTrack;
}

const holdsUs = (sdp: string) => /^a=(sendonly|inactive)/m.test(sdp);
const offersTelephoneEvent = (sdp: string | undefined) => /^a=rtpmap:\d+ telephone-event\//im.test(sdp ?? '');

export class CallAudio {
  private readonly connection: RTCPeerConnection;
  private microphone: MediaStream | null = null;
  private readonly speaker: HTMLAudioElement;
  private heldByThem = false;
  private muted = false;
  /** The recorded warning being sent instead of the microphone, if one plays. */
  private warning: PlayingWarning | null = null;
  /** When this connection began gathering candidates (its pool starts at once). */
  private readonly gatheringSince = Date.now();

  constructor(private readonly deps: CallAudioDeps) {
    // 'balanced', not 'max-bundle': with one audio section BUNDLE gains nothing, and a far end or
    // relay that declines it (rtpengine bridging to plain RTP answers without a=group:BUNDLE) would
    // make max-bundle refuse the answer ("cannot remove m= section ... from BUNDLE group").
    // A candidate pool gathers from now on, so a call prepared while ringing is ready to answer.
    this.connection = new RTCPeerConnection({
      iceServers: deps.iceServers,
      bundlePolicy: 'balanced',
      iceCandidatePoolSize: 1,
    });
    this.speaker = deps.createAudioElement();
    if (deps.speakerId) void this.setSpeaker(deps.speakerId).catch(() => undefined);
    this.connection.addEventListener('track', ({ streams, track }) => {
      this.speaker.srcObject = streams[0] ?? new MediaStream([track]);
      this.deps.onRemoteStream?.(streams[0] ?? new MediaStream([track]));
      // Electron plays without a gesture; a browser may refuse until the page was clicked.
      this.speaker.play().catch(() => undefined);
    });
  }

  /** The RTCPeerConnection, for statistics. */
  get peerConnection(): RTCPeerConnection {
    return this.connection;
  }

  async offer(hold: boolean): Promise<string> {
    await this.sendMicrophone();
    this.direction = hold ? (this.heldByThem ? 'inactive' : 'sendonly') : 'sendrecv';
    await this.connection.setLocalDescription(await this.connection.createOffer());
    return this.localSdp();
  }

  async answer(remoteOffer: string, hold: boolean): Promise<string> {
    this.heldByThem = holdsUs(remoteOffer);
    await this.connection.setRemoteDescription({ type: 'offer', sdp: remoteOffer });
    // After the remote offer, so the microphone rides on the transceiver the offer created.
    await this.sendMicrophone();
    this.direction = hold ? 'sendonly' : 'sendrecv';
    await this.connection.setLocalDescription(await this.connection.createAnswer());
    return this.localSdp();
  }

  async applyAnswer(remoteAnswer: string): Promise<void> {
    await this.connection.setRemoteDescription({ type: 'answer', sdp: remoteAnswer });
  }

  /** Whether tones can go in the audio (RFC 4733): both sides named telephone-event. */
  canSendDtmf(): boolean {
    const sender = this.audioSender();
    return (
      Boolean(sender?.dtmf) &&
      offersTelephoneEvent(this.connection.remoteDescription?.sdp) &&
      offersTelephoneEvent(this.connection.localDescription?.sdp)
    );
  }

  sendDtmf(tones: string): void {
    const dtmf = this.audioSender()?.dtmf;
    if (!dtmf) throw new Error('this call has no audio sender for keypad tones');
    dtmf.insertDTMF(tones);
  }

  /** Mutes the microphone (silence is still sent, so the call stays up) or unmutes it. */
  setMuted(muted: boolean): void {
    this.muted = muted;
    for (const track of this.microphone?.getAudioTracks() ?? []) track.enabled = !muted;
  }

  /** Sends another microphone without renegotiating (replaceTrack): the call carries on. */
  async switchMicrophone(stream: MediaStream): Promise<void> {
    const track = stream.getAudioTracks()[0];
    if (!track) throw new Error('the new microphone gave no audio track');
    track.enabled = !this.muted;
    track.addEventListener('ended', () => this.deps.onMicrophoneEnded?.());
    // While a warning plays the new microphone waits: it is sent when the warning ends.
    if (!this.warning) await this.sender()?.replaceTrack(track);
    for (const old of this.microphone?.getTracks() ?? []) old.stop();
    this.microphone = stream;
  }

  /**
   * Sends a recorded warning to the other side instead of the microphone (WebAudio into a track,
   * swapped in with replaceTrack: no renegotiation, any codec) and plays it quietly to the agent.
   * Resolves with its length once it plays; the microphone is sent again when it ends or stops.
   */
  async playWarning(recording: ArrayBuffer): Promise<number> {
    const sender = this.sender();
    if (!sender) throw new Error('this call sends no audio yet');
    this.stopWarning();
    const context = new AudioContext();
    try {
      const buffer = await context.decodeAudioData(recording);
      const source = context.createBufferSource();
      source.buffer = buffer;
      const toCaller = context.createMediaStreamDestination();
      source.connect(toCaller);
      const toAgent = context.createGain();
      toAgent.gain.value = WARNING_VOLUME_FOR_AGENT;
      source.connect(toAgent).connect(context.destination);
      await setContextSink(context, this.deps.speakerId);
      const track = toCaller.stream.getAudioTracks()[0];
      if (!track) throw new Error('the warning gave no audio track');
      await sender.replaceTrack(track);
      const warning = { context, source, track };
      this.warning = warning;
      source.addEventListener('ended', () => void this.endWarning(warning));
      await context.resume();
      source.start();
      return Math.round(buffer.duration * 1000);
    } catch (error) {
      void context.close();
      throw error;
    }
  }

  /** Stops the warning now (if one plays): the microphone is sent again. */
  stopWarning(): void {
    if (this.warning) void this.endWarning(this.warning);
  }

  /** Plays the other side on another output device (HTMLMediaElement.setSinkId). */
  async setSpeaker(deviceId: string): Promise<void> {
    await this.speaker.setSinkId(deviceId);
  }

  /** Live packet loss, jitter, round-trip time and estimated MOS. */
  async quality(): Promise<CallQuality> {
    return qualityFromStats(await this.connection.getStats());
  }

  close(): void {
    if (this.warning) void this.warning.context.close();
    this.warning = null;
    this.connection.close();
    for (const track of this.microphone?.getTracks() ?? []) track.stop();
    this.microphone = null;
    this.speaker.srcObject = null;
    this.speaker.remove();
  }

  private async sendMicrophone(): Promise<void> {
    if (this.microphone) return;
    this.microphone = await this.deps.openMicrophone();
    for (const track of this.microphone.getAudioTracks()) {
      track.enabled = !this.muted;
      track.addEventListener('ended', () => this.deps.onMicrophoneEnded?.());
      this.connection.addTrack(track, this.microphone);
    }
  }

  private set direction(direction: RTCRtpTransceiverDirection) {
    for (const transceiver of this.connection.getTransceivers()) {
      if (transceiver.currentDirection !== 'stopped') transceiver.direction = direction;
    }
  }

  private async endWarning(warning: PlayingWarning): Promise<void> {
    if (this.warning !== warning) return;
    this.warning = null;
    const microphone = this.microphone?.getAudioTracks()[0] ?? null;
    if (this.connection.signalingState !== 'closed') await this.sender()?.replaceTrack(microphone);
    warning.track.stop();
    await warning.context.close();
  }

  /** The sender of the call's audio (its track may be the microphone or a warning). */
  private sender(): RTCRtpSender | undefined {
    return this.audioSender() ?? this.connection.getTransceivers()[0]?.sender;
  }

  private audioSender(): RTCRtpSender | undefined {
    return this.connection.getSenders().find((sender) => sender.track?.kind === 'audio');
  }

  private async localSdp(): Promise<string> {
    await iceGatheringDone(
      this.connection,
      ICE_GATHERING_LIMIT_MS,
      this.gatheringSince + ICE_GATHERING_LIMIT_MS,
    );
    const sdp = this.connection.localDescription?.sdp;
    if (!sdp) throw new Error('the browser made no session description');
    return sdp;
  }
}

/** Plays the agent's copy of the warning on their chosen speaker (AudioContext.setSinkId, Chromium 110+). */
async function setContextSink(context: AudioContext, speakerId: string | undefined): Promise<void> {
  const withSink = context as AudioContext & { setSinkId?: (id: string) => Promise<void> };
  if (speakerId && withSink.setSinkId) await withSink.setSinkId(speakerId).catch(() => undefined);
}
