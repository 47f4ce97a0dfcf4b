/**
 * One call's audio: one RTCPeerConnection, the microphone track it sends and the <audio> element
 * that plays the other side. Hold is a direction (RFC 3264): we hold with sendonly (inactive when
 * they hold us too), and the browser answers their sendonly offer with recvonly by itself.
 */
import { iceGatheringDone } from './ice-gathering';

export interface CallAudioDeps {
  /** Opens the agent's microphone (the chosen device; the default one for now). */
  openMicrophone(): Promise<MediaStream>;
  iceServers: RTCIceServer[];
  /** Where the other side's audio is played. */
  createAudioElement(): HTMLAudioElement;
}

const holdsUs = (sdp: string) => /^a=(sendonly|inactive)/m.test(sdp);
const offersTelephoneEvent = (sdp: string | undefined) => /^a=rtpmap:\d+ telephone-event\//im.test(sdp ?? '');

export class CallAudio {
  private readonly connection: RTCPeerConnection;
  private microphone: MediaStream | null = null;
  private readonly speaker: HTMLAudioElement;
  private heldByThem = false;
  private muted = false;

  constructor(private readonly deps: CallAudioDeps) {
    this.connection = new RTCPeerConnection({ iceServers: deps.iceServers, bundlePolicy: 'max-bundle' });
    this.speaker = deps.createAudioElement();
    this.connection.addEventListener('track', ({ streams, track }) => {
      this.speaker.srcObject = streams[0] ?? new MediaStream([track]);
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
    await iceGatheringDone(this.connection);
    const sdp = this.connection.localDescription?.sdp;
    if (!sdp) throw new Error('the browser made no session description');
    return sdp;
  }
}
