/**
 * The agent's availability as main last said it (available, break, do-not-disturb), and the
 * do-not-disturb toggle. The status bar combines it with registration and calls.
 */
import { create } from 'zustand';

import type { Availability } from '../../../preload/contract';
import { bridge } from '../bridge';

import { followedValue } from './followed-value';

interface AvailabilityStore {
  availability: Availability;
  failure: string | null;
  /** Counts pushed updates, so a slower initial load never overwrites a newer event. */
  updates: number;
  /** Asks main (a window reloaded during a break must still say "on a break"). */
  load(): Promise<void>;
  follow(): () => void;
  setDoNotDisturb(on: boolean): Promise<void>;
}

export const initialAvailability = {
  availability: 'available' as Availability,
  failure: null as string | null,
  updates: 0,
};

export const useAvailabilityStore = create<AvailabilityStore>()((set, get) => ({
  ...initialAvailability,
  ...followedValue(
    'availability',
    set,
    get,
    () => bridge().phone.getAvailability(),
    (listener) => bridge().phone.onAvailability(listener),
  ),
  async setDoNotDisturb(on) {
    const result = await bridge().phone.setAvailability({ availability: on ? 'dnd' : 'available' });
    if (result.ok) set({ availability: result.value, failure: null });
    else set({ failure: result.error.message });
  },
}));
