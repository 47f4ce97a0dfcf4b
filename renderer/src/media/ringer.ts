/**
 * The ringtone, on its own output device (a loudspeaker, so the agent hears a call with the
 * headset off), and the short beep before an auto-answered call or as a test tone, on the speaker.
 * Both are Steadyline's own sounds (assets/, made by scripts/generate-tones.mjs). The elements are
 * made on first use: an idle window then loads no audio at all.
 */
import beepUrl from '../../../assets/beep.wav?url';
import ringtoneUrl from '../../../assets/ringtone.wav?url';

const BEEP_LIMIT_MS = 1_000;

export class Ringer {
  private ringtone: HTMLAudioElement | null = null;
  private beeper: HTMLAudioElement | null = null;
  private ringerDevice = '';
  private speakerDevice = '';

  constructor(private readonly createAudioElement: () => HTMLAudioElement) {}

  get ringing(): boolean {
    return this.ringtone !== null && !this.ringtone.paused;
  }

  /** The ringtone's output device ('' = the system default). */
  async setRingerDevice(deviceId: string): Promise<void> {
    this.ringerDevice = deviceId;
    await this.ringtone?.setSinkId(deviceId);
  }

  /** The beep's (and test tone's) output device: the agent's speaker or headset. */
  async setSpeakerDevice(deviceId: string): Promise<void> {
    this.speakerDevice = deviceId;
    await this.beeper?.setSinkId(deviceId);
  }

  start(): void {
    if (this.ringing) return;
    this.ringtone ??= this.load(ringtoneUrl, this.ringerDevice, true);
    this.ringtone.currentTime = 0;
    this.ringtone.play().catch(() => undefined);
  }

  stop(): void {
    this.ringtone?.pause();
  }

  /** Plays the beep once; resolves when it has finished (at most one second). */
  beep(): Promise<void> {
    const beeper = (this.beeper ??= this.load(beepUrl, this.speakerDevice, false));
    beeper.currentTime = 0;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        beeper.removeEventListener('ended', done);
        resolve();
      };
      const timer = setTimeout(done, BEEP_LIMIT_MS);
      beeper.addEventListener('ended', done);
      beeper.play().catch(done);
    });
  }

  private load(url: string, deviceId: string, loop: boolean): HTMLAudioElement {
    const element = this.createAudioElement();
    element.autoplay = false;
    element.loop = loop;
    element.src = url;
    if (deviceId) element.setSinkId(deviceId).catch(() => undefined);
    return element;
  }
}
