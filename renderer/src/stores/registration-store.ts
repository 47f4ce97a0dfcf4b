/** Registration state of the phone, as main publishes it. */
import { create } from 'zustand';

import type { RegistrationState } from '../../../preload/contract';
import { bridge } from '../bridge';

import { followedValue } from './followed-value';

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
  ...followedValue(
    'registration',
    set,
    get,
    () => bridge().phone.getRegistration(),
    (listener) => bridge().phone.onRegistration(listener),
  ),
}));
