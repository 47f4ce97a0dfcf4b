/** Policy keys: the SIP account (templates allowed), network and trust. */
import type { Bilingual, PolicyKey } from './define';

const USER_PART = /^[A-Za-z0-9._~!$&'()*+,=?/${}:-]+$/;
const TEMPLATE_NOTE = {
  en: ' ${username} is the signed-in user name; ${env:NAME} is the environment variable NAME.',
  he: ' ${username} הוא שם המשתמש המחובר; ${env:NAME} הוא משתנה הסביבה NAME.',
};

/** An account key whose value may hold ${username} and ${env:NAME}. */
function templated(
  name: string,
  pattern: RegExp,
  maxLength: number,
  example: string,
  text: Bilingual,
): PolicyKey {
  return {
    name,
    category: 'account',
    kind: 'string',
    maxLength,
    pattern,
    template: true,
    default: null,
    lockable: true,
    example,
    description: { en: text.en + TEMPLATE_NOTE.en, he: text.he + TEMPLATE_NOTE.he },
  };
}

export const ACCOUNT_KEYS: PolicyKey[] = [
  {
    name: 'SipServerUrl',
    category: 'account',
    kind: 'string',
    maxLength: 2048,
    pattern: /^wss?:\/\/[^\s/]+/,
    default: null,
    lockable: true,
    example: 'wss://pbx.example.internal:8089/ws',
    description: {
      en: "The phone system's SIP-over-WebSocket address (wss:// in production).",
      he: 'כתובת SIP-over-WebSocket של מרכזיית הטלפון (wss:// בסביבת ייצור).',
    },
  },
  {
    name: 'SipDomain',
    category: 'account',
    kind: 'string',
    maxLength: 253,
    pattern: /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/,
    default: null,
    lockable: true,
    example: 'pbx.example.internal',
    description: {
      en: 'The SIP domain; when not set, the host name of the server address.',
      he: 'דומיין ה-SIP; כשלא הוגדר, שם המארח שבכתובת השרת.',
    },
  },
  templated('SipUser', USER_PART, 128, '${username}', {
    en: 'The SIP user (extension).',
    he: 'משתמש ה-SIP (השלוחה).',
  }),
  templated('SipAuthUser', /^\S+$/, 128, '${env:STEADYLINE_AUTH_USER}', {
    en: 'The authentication user, when it differs from the SIP user.',
    he: 'משתמש האימות, כשהוא שונה ממשתמש ה-SIP.',
  }),
  templated('SipDisplayName', /^[^"<>\r\n]+$/, 128, 'Agent ${username}', {
    en: 'The name callers and colleagues see.',
    he: 'השם שמתקשרים ועמיתים רואים.',
  }),
  {
    name: 'IceServers',
    category: 'network',
    kind: 'list',
    maxItems: 8,
    itemMaxLength: 256,
    itemPattern: /^(stun|stuns|turn|turns):[^\s]+$/,
    default: [],
    lockable: true,
    example: ['stun:stun.example.internal:3478', 'turns:turn.example.internal:5349'],
    description: {
      en: 'STUN and TURN servers for call audio (stun:, stuns:, turn:, turns: addresses).',
      he: 'שרתי STUN ו-TURN לשמע השיחות (כתובות stun:, stuns:, turn:, turns:).',
    },
  },
  {
    name: 'TrustedCaCertificates',
    category: 'network',
    kind: 'list',
    maxItems: 16,
    itemMaxLength: 16384,
    itemPattern: /^-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----$/,
    default: [],
    lockable: false,
    example: ['-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUexampleOnly\n-----END CERTIFICATE-----'],
    description: {
      en: "PEM certificates of your internal certificate authorities, trusted for wss:// and the queue webhook in addition to the operating system's store.",
      he: 'תעודות PEM של רשויות האישורים הפנימיות שלכם, שמהימנות עבור wss:// ו-webhook התור, בנוסף למאגר של מערכת ההפעלה.',
    },
  },
];
