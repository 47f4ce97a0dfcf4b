/**
 * Which microphone, speaker and ringer the calls use, kept true while devices come and go: the
 * agent's choice when the browser has it, else the system default (and the agent is told), and
 * back to the choice when it returns. Live calls switch without dropping (replaceTrack, setSinkId).
 */
import type { PhonePreferences } from '../../../preload/contract';

import { listAudioDevices, microphoneConstraints, usableDevice, type AudioDeviceList } from './devices';

export type DeviceRole = 'microphone' | 'speaker' | 'ringer';
type Choice = Record<DeviceRole, string>;

export interface RoutingTargets {
  mediaDevices: Pick<MediaDevices, 'enumerateDevices' | 'getUserMedia'>;
  /** Sends a newly opened microphone in every live call. */
  switchMicrophone(): Promise<void>;
  setSpeaker(deviceId: string): Promise<void>;
  setRinger(deviceId: string): Promise<void>;
  /** A chosen device is gone and the default is used instead (the agent is told). */
  onFallback(role: DeviceRole): void;
}

const ROLE_KEYS: Record<DeviceRole, 'microphoneId' | 'speakerId' | 'ringerId'> = {
  microphone: 'microphoneId',
  speaker: 'speakerId',
  ringer: 'ringerId',
};

export class AudioRouting {
  private chosen: Choice = { microphone: '', speaker: '', ringer: '' };
  private inUse: Choice = { microphone: '', speaker: '', ringer: '' };
  /** Roles whose chosen device is missing and the agent has been told so. */
  private readonly fallen = new Set<DeviceRole>();

  constructor(private readonly targets: RoutingTargets) {}

  /** The device each role uses now ('' = system default). */
  current(): Readonly<Choice> {
    return { ...this.inUse };
  }

  /** Opens the microphone in use; if it cannot be opened, the default one. */
  async openMicrophone(): Promise<MediaStream> {
    const { mediaDevices } = this.targets;
    try {
      return await mediaDevices.getUserMedia(microphoneConstraints(this.inUse.microphone));
    } catch (error) {
      if (this.inUse.microphone === '') throw error;
      this.inUse.microphone = '';
      this.fallBack('microphone');
      return mediaDevices.getUserMedia(microphoneConstraints(''));
    }
  }

  /** Takes the agent's (new) choice and routes every role accordingly. */
  async choose(
    preferences: Pick<PhonePreferences, 'microphoneId' | 'speakerId' | 'ringerId'>,
  ): Promise<void> {
    for (const role of Object.keys(ROLE_KEYS) as DeviceRole[])
      this.chosen[role] = preferences[ROLE_KEYS[role]];
    await this.reroute();
  }

  /** The browser's devices changed (`devicechange`): fall back, or return to the choice. */
  devicesChanged(): Promise<void> {
    return this.reroute();
  }

  /** The microphone track ended by itself (unplugged): open another one. */
  async microphoneEnded(): Promise<void> {
    await this.reroute();
    await this.targets.switchMicrophone();
  }

  /** Uses each chosen device the browser has, else the default; a missing choice is told once. */
  private async reroute(): Promise<void> {
    const devices = await listAudioDevices(this.targets.mediaDevices);
    for (const role of Object.keys(ROLE_KEYS) as DeviceRole[]) {
      const next = usableDevice(this.chosen[role], listFor(devices, role));
      if (this.chosen[role] !== '' && next === '') this.fallBack(role);
      else this.fallen.delete(role);
      if (next === this.inUse[role]) continue;
      this.inUse[role] = next;
      await this.apply(role, next);
    }
  }

  private fallBack(role: DeviceRole): void {
    if (this.fallen.has(role)) return;
    this.fallen.add(role);
    this.targets.onFallback(role);
  }

  private apply(role: DeviceRole, deviceId: string): Promise<void> {
    if (role === 'microphone') return this.targets.switchMicrophone();
    return role === 'speaker' ? this.targets.setSpeaker(deviceId) : this.targets.setRinger(deviceId);
  }
}

const listFor = (devices: AudioDeviceList, role: DeviceRole) =>
  role === 'microphone' ? devices.microphones : devices.speakers;
