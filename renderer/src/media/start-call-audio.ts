/**
 * Starts the window's audio for as long as the window lives: the WebRTC engine answering main's
 * media requests, the devices the agent chose (following `devicechange`), the ringer, auto-answer
 * and the quality summary of each call.
 */
import type { CallQuality, PhonePreferences } from '../../../preload/contract';
import { bridge } from '../bridge';

import { AudioRouting, type DeviceRole } from './audio-routing';
import { callSounds } from './call-sounds';
import { listAudioDevices, type AudioDeviceList } from './devices';
import { meterOn, type LevelMeter } from './level-meter';
import { qualityReporter } from './quality-reporter';
import { Ringer } from './ringer';
import { WindowMediaEngine } from './window-media-engine';

function createAudioElement(): HTMLAudioElement {
  const element = document.createElement('audio');
  element.autoplay = true;
  element.hidden = true;
  document.body.append(element);
  return element;
}

export interface CallAudioControl {
  setMuted(callId: string, muted: boolean): boolean;
  /** Live packet loss, jitter, round-trip time and MOS of a call (null: no audio here). */
  quality(callId: string): Promise<CallQuality | null>;
  /** Routes audio as the agent chose and takes the ICE servers and auto-answer setting. */
  applyPreferences(preferences: PhonePreferences): Promise<void>;
  devices(): Promise<AudioDeviceList>;
  /** The device each role uses now ('' = system default). */
  devicesInUse(): Record<DeviceRole, string>;
  /** Plays the beep on the speaker. */
  testTone(): Promise<void>;
  /** A level meter on the microphone in use (its own capture; stop() releases it). */
  openMeter(): Promise<LevelMeter>;
  /** Told when a chosen device disappeared and the default is used instead. */
  onFallback(listener: (role: DeviceRole) => void): () => void;
  stop(): void;
}

export function startCallAudio(mediaDevices: MediaDevices = navigator.mediaDevices): CallAudioControl {
  const { media, phone, journal, settings } = bridge();
  const fallbackListeners = new Set<(role: DeviceRole) => void>();
  const ringer = new Ringer(createAudioElement);
  let preferences: PhonePreferences | null = null;
  const reporter = qualityReporter((report) => journal.saveCallQuality(report));
  const engine: WindowMediaEngine = new WindowMediaEngine(
    {
      openMicrophone: () => routing.openMicrophone(),
      iceServers: [],
      createAudioElement,
      onMicrophoneEnded: () => void routing.microphoneEnded(),
    },
    (callId, quality) => reporter.closed(callId, quality),
  );
  const routing = new AudioRouting({
    mediaDevices,
    switchMicrophone: () => engine.switchMicrophone(),
    setSpeaker: async (id) => {
      await engine.setSpeaker(id);
      await ringer.setSpeakerDevice(id);
    },
    setRinger: (id) => ringer.setRingerDevice(id),
    onFallback: (role) => fallbackListeners.forEach((listener) => listener(role)),
  });
  const sounds = callSounds({
    ringer,
    autoAnswer: () => preferences?.autoAnswer ?? false,
    answer: (callId) => phone.answer({ callId }),
  });
  const onDeviceChange = () => void routing.devicesChanged();
  mediaDevices.addEventListener('devicechange', onDeviceChange);
  const stops = [
    media.onRequest((request) => void engine.handle(request).then((response) => media.respond(response))),
    phone.onCall((call) => {
      sounds(call);
      reporter.onCall(call);
      if (call.direction === 'inbound' && call.state === 'ringing') engine.prepare(call.id);
      if (call.state === 'ended') engine.discard(call.id);
    }),
  ];
  return {
    setMuted: (callId, muted) => engine.setMuted(callId, muted),
    quality: (callId) => engine.quality(callId),
    async applyPreferences(next) {
      preferences = next;
      const iceServers = await settings.getIceServers();
      engine.configure({ iceServers: iceServers.ok ? iceServers.value : [] });
      await routing.choose(next);
    },
    devices: () => listAudioDevices(mediaDevices),
    devicesInUse: () => routing.current(),
    testTone: () => ringer.beep(),
    openMeter: async () => meterOn(await routing.openMicrophone()),
    onFallback(listener) {
      fallbackListeners.add(listener);
      return () => fallbackListeners.delete(listener);
    },
    stop() {
      stops.forEach((stop) => stop());
      mediaDevices.removeEventListener('devicechange', onDeviceChange);
      ringer.stop();
      engine.closeAll();
    },
  };
}
