/**
 * The agent's phone preferences (audio devices, auto-answer, ICE servers, hotkeys): their
 * defaults and the stored shape. Added without a version bump: a file without them gets these,
 * and a file from before a hotkey existed keeps its own hotkeys and gets the new one's default.
 */
import { z } from 'zod';

import { PhonePreferences } from '../../preload/contract';

export const DEFAULT_PHONE_PREFERENCES: PhonePreferences = {
  microphoneId: '',
  speakerId: '',
  ringerId: '',
  autoAnswer: false,
  iceServers: [],
  hotkeys: {
    answer: 'CommandOrControl+Shift+A',
    hangup: 'CommandOrControl+Shift+H',
    mute: 'CommandOrControl+Shift+M',
    markAbusive: 'CommandOrControl+Shift+B',
    warn: 'CommandOrControl+Shift+W',
    finalWarning: 'CommandOrControl+Shift+E',
  },
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Hotkeys a stored file does not name yet take their defaults; named ones are validated as they are. */
const StoredHotkeys = z.preprocess(
  (stored) => (isObject(stored) ? { ...DEFAULT_PHONE_PREFERENCES.hotkeys, ...stored } : stored),
  PhonePreferences.shape.hotkeys,
);

/** The stored field: a settings file from before phone preferences gets the defaults. */
export const StoredPhonePreferences = PhonePreferences.extend({ hotkeys: StoredHotkeys }).default(
  DEFAULT_PHONE_PREFERENCES,
);
