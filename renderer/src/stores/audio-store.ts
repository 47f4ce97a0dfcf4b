/**
 * The agent's phone preferences (devices, auto-answer, ICE servers, hotkeys) as saved in main,
 * the devices the browser offers, and what the audio engine fell back to. Saving applies at once,
 * also to calls in progress.
 */
import { create } from 'zustand';

import type { PhonePreferences } from '../../../preload/contract';
import { bridge } from '../bridge';
import type { DeviceRole } from '../media/audio-routing';
import type { AudioDeviceList } from '../media/devices';
import type { CallAudioControl } from '../media/start-call-audio';

type AudioControl = Pick<
  CallAudioControl,
  'applyPreferences' | 'devices' | 'testTone' | 'openMeter' | 'onFallback' | 'devicesInUse'
>;

interface AudioStore {
  preferences: PhonePreferences | null;
  devices: AudioDeviceList;
  /** Chosen devices that are gone, so the default is in use (the agent is told). */
  fallbacks: DeviceRole[];
  failure: string | null;
  control: AudioControl | null;
  /** Loads the preferences, applies them and follows device fallbacks; returns the unsubscribe. */
  start(): () => void;
  refreshDevices(): Promise<void>;
  save(patch: Partial<PhonePreferences>): Promise<boolean>;
  dismissFallback(role: DeviceRole): void;
}

export const initialAudio = {
  preferences: null as PhonePreferences | null,
  devices: { microphones: [], speakers: [] } as AudioDeviceList,
  fallbacks: [] as DeviceRole[],
  failure: null as string | null,
  control: null as AudioControl | null,
};

export const useAudioStore = create<AudioStore>()((set, get) => {
  const apply = async (preferences: PhonePreferences) => {
    set({ preferences, failure: null });
    await get().control?.applyPreferences(preferences);
  };
  return {
    ...initialAudio,
    start() {
      void bridge()
        .settings.getPhone()
        .then(async (result) => {
          if (result.ok) await apply(result.value);
          else set({ failure: result.error.message });
          await get().refreshDevices();
        });
      return (
        get().control?.onFallback((role) => {
          set((state) => ({ fallbacks: [...new Set([...state.fallbacks, role])] }));
          void get().refreshDevices();
        }) ?? (() => undefined)
      );
    },
    async refreshDevices() {
      const control = get().control;
      if (control) set({ devices: await control.devices() });
    },
    async save(patch) {
      // Shown at once (a checkbox or picker must not spring back while main saves); undone on refusal.
      const before = get().preferences;
      if (before) set({ preferences: { ...before, ...patch } });
      const result = await bridge().settings.setPhone(patch);
      if (!result.ok) {
        set({ preferences: before, failure: result.error.issues?.[0]?.message ?? result.error.message });
        return false;
      }
      const roles = { microphoneId: 'microphone', speakerId: 'speaker', ringerId: 'ringer' } as const;
      const chosen = Object.keys(patch).flatMap((key) =>
        key in roles ? [roles[key as keyof typeof roles]] : [],
      );
      set((state) => ({ fallbacks: state.fallbacks.filter((role) => !chosen.includes(role)) }));
      await apply(result.value);
      return true;
    },
    dismissFallback: (role) =>
      set((state) => ({ fallbacks: state.fallbacks.filter((known) => known !== role) })),
  };
});
