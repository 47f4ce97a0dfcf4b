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

const holdsUs = (sdp: string) => /^a=(sendonly|inactive)/m.test(sdp);
const offersTelephoneEvent = (sdp: string | undefined) => /^a=rtpmap:\d+ telephone-event\//im.test(sdp ?? '');

export class CallAudio {
  private readonly connection: RTCPeerConnection;
  private microphone: MediaStream | null = null;
  private readonly speaker: HTMLAudioElement;
  private heldByThem = false;
  private muted = false;
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
    const sender = this.audioSender() ?? this.connection.getTransceivers()[0]?.sender;
    await sender?.replaceTrack(track);
    for (const old of this.microphone?.getTracks() ?? []) old.stop();
    this.microphone = stream;
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
