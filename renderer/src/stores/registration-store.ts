/** Registration state of the phone, as main publishes it. */
import { create } from 'zustand';

import type { RegistrationState } from '../../../preload/contract';
import { bridge } from '../bridge';

interface RegistrationStore {
  registration: RegistrationState;
  /** Counts pushed updates, so a slower initial load never overwrites a newer event. */
  updates: number;
  load(): Promise<void>;
  /** Follows main's events; returns the unsubscribe function. */
  follow(): () => void;
}

export const initialRegistration = {
  registration: { state: 'not-configured' } as RegistrationState,
  updates: 0,
};

export const useRegistrationStore = create<RegistrationStore>()((set, get) => ({
  ...initialRegistration,
  async load() {
    const before = get().updates;
    const result = await bridge().phone.getRegistration();
    if (result.ok && get().updates === before) set({ registration: result.value });
  },
  follow: () =>
    bridge().phone.onRegistration((registration) =>
      set((state) => ({ registration, updates: state.updates + 1 })),
    ),
}));
