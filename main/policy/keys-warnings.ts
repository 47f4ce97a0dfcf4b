/** Policy keys: IT's own recordings for the warnings an agent plays to an abusive caller (issue 15). */
import type { PolicyKey } from './define';

/** A full path: a drive (C:\ or C:/), a UNC share (\\server\share) or a POSIX root (/). */
const FULL_PATH = /^([A-Za-z]:[\\/]|\\\\|\/)/;

const NOTE = {
  en: " WAV (PCM or float, 8–48 kHz, mono or stereo), Ogg Opus or MP3, judged by its contents; 1–30 s long and at most 8 MiB. Played whatever the app's language. A missing or bad file is reported in the log and the built-in recording plays instead.",
  he: ' WAV ‏(PCM או float, ‏8–48 kHz, מונו או סטריאו), Ogg Opus או MP3, לפי תוכן הקובץ; באורך 1–30 שניות ועד 8 MiB. מושמע בכל שפת יישום. קובץ חסר או פגום מדווח ביומן, ובמקומו מושמעת ההקלטה המובנית.',
};

export const WARNING_KEYS: PolicyKey[] = [
  {
    name: 'WarningRecording',
    category: 'breaks',
    kind: 'string',
    maxLength: 1024,
    pattern: FULL_PATH,
    default: null,
    lockable: false,
    example: 'C:\\ProgramData\\Steadyline\\warning.wav',
    description: {
      en: `The full path of IT's own recording for "Warn caller" (the calm warning played to an abusive caller), e.g. C:\\ProgramData\\Steadyline\\warning.wav or /etc/steadyline/warning.opus.${NOTE.en}`,
      he: `הנתיב המלא של ההקלטה של מחלקת ה-IT עבור "אזהרה למתקשר/ת" (האזהרה הרגועה שמושמעת למתקשר/ת פוגעני/ת), למשל C:\\ProgramData\\Steadyline\\warning.wav או ‎/etc/steadyline/warning.opus.${NOTE.he}`,
    },
  },
  {
    name: 'FinalWarningRecording',
    category: 'breaks',
    kind: 'string',
    maxLength: 1024,
    pattern: FULL_PATH,
    default: null,
    lockable: false,
    example: '/etc/steadyline/final-warning.opus',
    description: {
      en: `The full path of IT's own recording for "Final warning and end call" (the closing message played before the call is ended), e.g. C:\\ProgramData\\Steadyline\\final-warning.wav or /etc/steadyline/final-warning.opus.${NOTE.en}`,
      he: `הנתיב המלא של ההקלטה של מחלקת ה-IT עבור "אזהרה אחרונה וסיום שיחה" (הודעת הסיום שמושמעת לפני שהשיחה מסתיימת), למשל C:\\ProgramData\\Steadyline\\final-warning.wav או ‎/etc/steadyline/final-warning.opus.${NOTE.he}`,
    },
  },
];
