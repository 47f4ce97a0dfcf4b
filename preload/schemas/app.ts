/** The app's own channels: errors every answer may carry, start-up notices, version. Imports only zod. */
import { z } from 'zod';

export const ErrorCode = z.enum([
  'invalid-request',
  'unknown-channel',
  'not-found',
  'conflict',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const BridgeError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For invalid requests: which field was wrong and why, so the UI can show it beside the field. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** A stable name for this error ('break.too-early'): the window shows `errors.<reason>` in the agent's language. */
  reason: z
    .string()
    .regex(/^[a-z][a-z0-9.-]*$/)
    .max(64)
    .optional(),
  /** The values that translation needs. */
  params: z.record(z.string().max(64), z.union([z.string().max(512), z.number()])).optional(),
});
export type BridgeError = z.infer<typeof BridgeError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** Something the agent must be told about, raised by main (for example: a damaged journal was moved aside). */
export const Notice = z.object({
  id: z.string(),
  kind: z.enum([
    'journal-recovered',
    'password-not-encrypted',
    'settings-reset',
    'hotkey-unavailable',
    // Main caught errors nothing else handled, several within a minute (main/core/process-guard.ts).
    'unexpected-errors',
    // Parts of the settings file were not valid: those parts are defaults, the rest kept (main/settings/salvage.ts).
    'settings-repaired',
    // A value from IT's policy was not valid and is ignored (main/policy/resolve.ts).
    'policy-invalid',
  ]),
  severity: z.enum(['info', 'warning', 'error']),
  /** Values the UI puts into the translated message, such as the path of a moved file. */
  details: z.record(z.string(), z.string()),
});
export type Notice = z.infer<typeof Notice>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  notices: z.array(Notice),
});
export type AppInfo = z.infer<typeof AppInfo>;
