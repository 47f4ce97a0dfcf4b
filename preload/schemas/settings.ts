/** The agent's account and language (`settings:*`). Imports only zod. */
import { z } from 'zod';

export const Language = z.enum(['en', 'he']);
export type Language = z.infer<typeof Language>;

const trimmed = (max: number) => z.string().trim().max(max);

/** The SIP account as the agent (or IT) types it. `password` absent means "keep the stored one". */
export const AccountInput = z.object({
  serverUrl: z
    .string()
    .trim()
    .min(1, 'required')
    .max(2048)
    .refine((value) => /^wss?:\/\/[^\s/]+/i.test(value), 'websocket-url'),
  // RFC 3261 user part: unreserved and user-unreserved characters (no escapes, no parameters).
  sipUser: trimmed(128)
    .min(1, 'required')
    .regex(/^[A-Za-z0-9._~!$&'()*+,=?/-]+$/, 'sip-user'),
  domain: trimmed(253).regex(
    /^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)?$/,
    'domain',
  ),
  authUser: trimmed(128).regex(/^[^\s]*$/, 'no-spaces'),
  password: z.string().max(512).optional(),
  displayName: trimmed(128).regex(/^[^"<>\r\n]*$/, 'display-name'),
});
export type AccountInput = z.infer<typeof AccountInput>;

/** The account as the renderer may see it: never the password, only whether one is stored. */
export const AccountView = z.object({
  serverUrl: z.string(),
  sipUser: z.string(),
  domain: z.string(),
  authUser: z.string(),
  displayName: z.string(),
  hasPassword: z.boolean(),
});
export type AccountView = z.infer<typeof AccountView>;

export const SettingsView = z.object({
  account: AccountView.nullable(),
  language: Language,
  /** `encrypted`: the OS keychain protects the password. `session-only`: kept in memory until quit. */
  passwordStorage: z.enum(['encrypted', 'session-only']),
  /** Policy keys IT has locked (`SipServerUrl`, `AutoAnswer`…; main/policy/keys*.ts): shown greyed, "set by your IT department". */
  lockedByPolicy: z.array(z.string().max(64)).max(64).optional(),
});
export type SettingsView = z.infer<typeof SettingsView>;
