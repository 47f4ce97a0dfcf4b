/**
 * The agent's phone preferences (audio devices, auto-answer, ICE servers, hotkeys): their
 * defaults and the stored shape. Added without a version bump: a file without them gets these.
 */
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
  },
};

/** The stored field: a settings file from before phone preferences gets the defaults. */
export const StoredPhonePreferences = PhonePreferences.default(DEFAULT_PHONE_PREFERENCES);
