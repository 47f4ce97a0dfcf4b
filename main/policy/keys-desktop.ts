/** Policy keys: language, auto-answer, hotkeys, start at login, logging. */
import type { PolicyKey } from './define';

const ACCELERATOR =
  /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)*([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Enter|Escape|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Plus|Minus)$/;

const hotkey = (name: string, action: string, value: string, en: string, he: string): PolicyKey => ({
  name,
  category: 'desktop',
  kind: 'string',
  maxLength: 64,
  pattern: ACCELERATOR,
  default: value,
  lockable: true,
  example: value,
  description: {
    en: `The global hotkey that ${en} (an Electron accelerator such as ${value}); action "${action}".`,
    he: `קיצור המקשים הגלובלי ש${he} (מאיץ Electron כמו ${value}); פעולה "${action}".`,
  },
});

export const DESKTOP_KEYS: PolicyKey[] = [
  {
    name: 'Language',
    category: 'desktop',
    kind: 'enum',
    values: ['en', 'he'],
    default: 'en',
    lockable: true,
    example: 'he',
    description: { en: 'The app\'s language: "en" or "he".', he: 'שפת היישום: "en" או "he".' },
  },
  {
    name: 'AutoAnswer',
    category: 'desktop',
    kind: 'enum',
    values: ['allowed', 'forced', 'off'],
    default: 'allowed',
    lockable: false,
    example: 'off',
    description: {
      en: '"allowed": the agent chooses; "forced": every call is answered automatically; "off": never. Forced and off grey out the setting.',
      he: '"allowed": הנציג/ה בוחר/ת; "forced": כל שיחה נענית אוטומטית; "off": אף פעם. forced ו-off נועלים את ההגדרה.',
    },
  },
  hotkey('HotkeyAnswer', 'answer', 'CommandOrControl+Shift+A', 'answers a ringing call', 'עונה לשיחה מצלצלת'),
  hotkey('HotkeyHangup', 'hangup', 'CommandOrControl+Shift+H', 'ends the call', 'מסיים את השיחה'),
  hotkey('HotkeyMute', 'mute', 'CommandOrControl+Shift+M', 'mutes the microphone', 'משתיק את המיקרופון'),
  hotkey(
    'HotkeyMarkAbusive',
    'markAbusive',
    'CommandOrControl+Shift+B',
    'marks the call as abusive',
    'מסמן את השיחה כפוגענית',
  ),
  hotkey(
    'HotkeyWarn',
    'warn',
    'CommandOrControl+Shift+W',
    'plays the recorded warning to the caller',
    'משמיע למתקשר/ת את האזהרה המוקלטת',
  ),
  hotkey(
    'HotkeyFinalWarning',
    'finalWarning',
    'CommandOrControl+Shift+E',
    'plays the final warning and ends the call',
    'משמיע את האזהרה האחרונה ומסיים את השיחה',
  ),
  {
    name: 'StartAtLogin',
    category: 'desktop',
    kind: 'boolean',
    default: false,
    lockable: true,
    example: true,
    description: {
      en: 'Start Steadyline (in the tray) when the user signs in.',
      he: 'הפעלת Steadyline (במגש המערכת) בעת הכניסה למערכת.',
    },
  },
  {
    name: 'LogLevel',
    category: 'desktop',
    kind: 'enum',
    values: ['error', 'warn', 'info', 'debug'],
    default: 'info',
    lockable: false,
    example: 'info',
    description: {
      en: 'How much goes into the log files.',
      he: 'כמה מידע נכתב לקובצי היומן.',
    },
  },
  {
    name: 'SipTrace',
    category: 'desktop',
    kind: 'boolean',
    default: false,
    lockable: false,
    example: false,
    description: {
      en: 'Write every SIP message to sip-trace.log (Authorization headers and passwords removed), for troubleshooting.',
      he: 'כתיבת כל הודעות ה-SIP ל-sip-trace.log (ללא כותרות Authorization וסיסמאות), לפתרון תקלות.',
    },
  },
];
