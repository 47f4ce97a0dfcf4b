/** Registration, availability and the agent's phone preferences (`phone:*`, `settings:getPhone`). Imports only zod. */
import { z } from 'zod';

export const RegistrationState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-configured') }),
  z.object({ state: z.literal('connecting') }),
  z.object({ state: z.literal('registered'), aor: z.string() }),
  z.object({
    state: z.literal('retrying'),
    nextAttemptInSeconds: z.number().int().min(0),
    reason: z.string(),
  }),
  z.object({ state: z.literal('auth-failed'), reason: z.string() }),
  z.object({
    state: z.literal('unreachable'),
    nextAttemptInSeconds: z.number().int().min(0),
    reason: z.string(),
    /** The server's TLS certificate is why (main/trust/certificate-problem.ts): the agent is told to ask IT. */
    certificate: z.enum(['untrusted', 'expired', 'wrong-host']).optional(),
  }),
]);
export type RegistrationState = z.infer<typeof RegistrationState>;

export const Availability = z.enum(['available', 'break', 'dnd']);
export type Availability = z.infer<typeof Availability>;

/** An Electron accelerator (`CommandOrControl+Shift+A`, `F9`), or '' for no hotkey. */
const Accelerator = z
  .string()
  .trim()
  .max(64)
  .regex(
    /^$|^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)*([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Enter|Escape|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Plus|Minus)$/,
    'accelerator',
  );

export const HotkeyAction = z.enum(['answer', 'hangup', 'mute', 'markAbusive', 'warn', 'finalWarning']);
export type HotkeyAction = z.infer<typeof HotkeyAction>;

/** A STUN or TURN server URL for call audio (a TURN server's login: `TurnLoginInput`). */
const IceServerUrl = z
  .string()
  .trim()
  .max(256)
  .regex(/^(stun|stuns|turn|turns):[^\s]+$/i, 'ice-url');

/** The agent's audio devices and phone behaviour. Device ids are the browser's; '' means the system default. */
export const PhonePreferences = z.object({
  microphoneId: z.string().max(256),
  speakerId: z.string().max(256),
  ringerId: z.string().max(256),
  /** Answer incoming calls by themselves after a short beep. */
  autoAnswer: z.boolean(),
  iceServers: z.array(IceServerUrl).max(8),
  hotkeys: z.record(HotkeyAction, Accelerator),
});
export type PhonePreferences = z.infer<typeof PhonePreferences>;

/** What the agent switches to; `retryAfterSeconds` goes in the Retry-After of a refused call. */
export const AvailabilityChange = z.object({
  availability: Availability,
  retryAfterSeconds: z.number().int().min(1).max(3600).optional(),
});

const TurnUrl = IceServerUrl.refine((url) => /^turns?:/i.test(url), 'turn-url');

/** A TURN server's login. The credential goes to the secret store and never comes back to the form. */
export const TurnLoginInput = z.object({
  url: TurnUrl,
  username: z.string().trim().min(1).max(256),
  credential: z.string().min(1).max(1024),
});
export type TurnLoginInput = z.infer<typeof TurnLoginInput>;

/** What the form learns: the username, and only whether a credential is stored. */
export const TurnLogins = z.object({
  storage: z.enum(['encrypted', 'session-only']),
  logins: z.array(z.object({ url: z.string(), username: z.string(), hasCredential: z.boolean() })),
});
export type TurnLogins = z.infer<typeof TurnLogins>;

/** The RTCIceServer list the window's peer connection needs (TURN logins included). */
export const IceServers = z.array(
  z.object({ urls: z.string(), username: z.string().optional(), credential: z.string().optional() }),
);
export type IceServers = z.infer<typeof IceServers>;
