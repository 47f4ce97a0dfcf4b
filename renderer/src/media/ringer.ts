/**
 * The ringtone, on its own output device (a loudspeaker, so the agent hears a call with the
 * headset off), and the short beep before an auto-answered call or as a test tone, on the speaker.
 * Both are Steadyline's own sounds (assets/, made by scripts/generate-tones.mjs).
 */
import beepUrl from '../../../assets/beep.wav?url';
import ringtoneUrl from '../../../assets/ringtone.wav?url';

const BEEP_LIMIT_MS = 1_000;

export class Ringer {
  private readonly ringtone: HTMLAudioElement;
  private readonly beeper: HTMLAudioElement;

  constructor(createAudioElement: () => HTMLAudioElement) {
    this.ringtone = createAudioElement();
    this.ringtone.src = ringtoneUrl;
    this.ringtone.loop = true;
    this.beeper = createAudioElement();
    this.beeper.src = beepUrl;
  }

  get ringing(): boolean {
    return !this.ringtone.paused;
  }

  /** The ringtone's output device ('' = the system default). */
  setRingerDevice(deviceId: string): Promise<void> {
    return this.ringtone.setSinkId(deviceId);
  }

  /** The beep's (and test tone's) output device: the agent's speaker or headset. */
  setSpeakerDevice(deviceId: string): Promise<void> {
    return this.beeper.setSinkId(deviceId);
  }

  start(): void {
    if (this.ringing) return;
    this.ringtone.currentTime = 0;
    this.ringtone.play().catch(() => undefined);
  }

  stop(): void {
    this.ringtone.pause();
  }

  /** Plays the beep once; resolves when it has finished (at most one second). */
  beep(): Promise<void> {
    this.beeper.currentTime = 0;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.beeper.removeEventListener('ended', done);
        resolve();
      };
      const timer = setTimeout(done, BEEP_LIMIT_MS);
      this.beeper.addEventListener('ended', done);
      this.beeper.play().catch(done);
    });
  }
}
