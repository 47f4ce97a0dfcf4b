/**
 * The agent's availability as main last said it (available, break, do-not-disturb), and the
 * do-not-disturb toggle. The status bar combines it with registration and calls.
 */
import { create } from 'zustand';

import type { Availability } from '../../../preload/contract';
import { bridge } from '../bridge';

interface AvailabilityStore {
  availability: Availability;
  failure: string | null;
  follow(): () => void;
  setDoNotDisturb(on: boolean): Promise<void>;
}

export const initialAvailability = {
  availability: 'available' as Availability,
  failure: null as string | null,
};

export const useAvailabilityStore = create<AvailabilityStore>()((set) => ({
  ...initialAvailability,
  follow: () => bridge().phone.onAvailability((availability) => set({ availability })),
  async setDoNotDisturb(on) {
    const result = await bridge().phone.setAvailability({ availability: on ? 'dnd' : 'available' });
    if (result.ok) set({ availability: result.value, failure: null });
    else set({ failure: result.error.message });
  },
}));
