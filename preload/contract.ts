/**
 * The one IPC contract between the renderer and main.
 *
 * Every request channel names its payload and response as zod schemas; every event main pushes
 * to the renderer names its payload. Channels are `domain:verb`. Main validates each request
 * against this file before any service sees it, and validates each response and event before it
 * leaves, so a field that is not in a schema here (a password, say) can never cross the bridge.
 *
 * This module imports only zod: it is loaded by main, by the preload script and by the renderer.
 */
import { z } from 'zod';

import {
  DeleteEntryInput,
  ExportFile,
  ExportInput,
  MarkInput,
  MarkReceipt,
  RecoveryPreferences,
  RecoverySettings,
  RecoveryState,
  ReflectionInput,
  TimelineEntry,
  TimelineQuery,
} from './recovery-schemas';

export * from './recovery-schemas';

// ---------------------------------------------------------------- shared shapes

export const Language = z.enum(['en', 'he']);
export type Language = z.infer<typeof Language>;

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
});
export type BridgeError = z.infer<typeof BridgeError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** Something the agent must be told about, raised by main (for example: a damaged journal was moved aside). */
export const Notice = z.object({
  id: z.string(),
  kind: z.enum(['journal-recovered', 'password-not-encrypted', 'settings-reset', 'hotkey-unavailable']),
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

// ---------------------------------------------------------------- settings

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
});
export type SettingsView = z.infer<typeof SettingsView>;

// ---------------------------------------------------------------- phone

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
  }),
]);
export type RegistrationState = z.infer<typeof RegistrationState>;

export const Availability = z.enum(['available', 'break', 'dnd']);
export type Availability = z.infer<typeof Availability>;

/** One call as the agent sees it; `id` is main's handle for the call (not the SIP Call-ID). */
export const CallState = z.object({
  id: z.string(),
  /** The call's row in the journal (marks, breaks and quality summaries refer to it). */
  journalId: z.number().int(),
  direction: z.enum(['inbound', 'outbound']),
  state: z.enum(['ringing', 'dialing', 'early', 'active', 'ended']),
  remote: z.object({ uri: z.string(), displayName: z.string().nullable() }),
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  /** The agent put the other side on hold. */
  heldByMe: z.boolean(),
  /** The other side put the agent on hold. */
  heldByRemote: z.boolean(),
  /** Rings while another call is connected (call waiting): answering it holds the other call. */
  waiting: z.boolean(),
  endReason: z.string().nullable(),
});
export type CallState = z.infer<typeof CallState>;

const CallId = z.object({ callId: z.string().min(1).max(200) });

// ---------------------------------------------------------------- phone preferences and call quality

/** An Electron accelerator (`CommandOrControl+Shift+A`, `F9`), or '' for no hotkey. */
const Accelerator = z
  .string()
  .trim()
  .max(64)
  .regex(
    /^$|^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)*([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Enter|Escape|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Plus|Minus)$/,
    'accelerator',
  );

export const HotkeyAction = z.enum(['answer', 'hangup', 'mute', 'markAbusive']);
export type HotkeyAction = z.infer<typeof HotkeyAction>;

/** A STUN or TURN server URL for call audio (TURN credentials are not stored yet). */
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

/** A call's audio quality: the window measures it (getStats), main keeps it with the call. */
export const CallQuality = z.object({
  /** Share of the other side's packets that never arrived, 0–100. */
  packetLossPercent: z.number().min(0).max(100),
  jitterMs: z.number().min(0).max(60_000),
  /** Round-trip time, when the far end sends RTCP reports; null otherwise. */
  roundTripMs: z.number().min(0).max(60_000).nullable(),
  /** Estimated mean opinion score (1–4.5), from a simplified E-model (renderer/src/media/mos.ts). */
  mos: z.number().min(1).max(5),
  packetsReceived: z.number().int().min(0),
  packetsSent: z.number().int().min(0),
});
export type CallQuality = z.infer<typeof CallQuality>;

/** A call's quality summary for its journal row (CallState.journalId). */
export const CallQualityReport = z.object({
  journalId: z.number().int().positive(),
  quality: CallQuality,
});

// ---------------------------------------------------------------- journal

export const CallDirection = z.enum(['inbound', 'outbound']);
export const CallEndReason = z.enum([
  'local-hangup',
  'remote-hangup',
  'declined',
  'cancelled',
  'busy',
  'failed',
  'transport-lost',
  'deferred',
  'missed',
  'transferred',
]);

export const CallRecord = z.object({
  id: z.number().int(),
  direction: CallDirection,
  remoteUri: z.string(),
  remoteDisplayName: z.string().nullable(),
  sipCallId: z.string(),
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  endReason: CallEndReason.nullable(),
  sipStatus: z.number().int().nullable(),
  /** The call's audio quality summary, when the window measured one. */
  quality: CallQuality.nullable().optional(),
});
export type CallRecord = z.infer<typeof CallRecord>;

export const ListCallsInput = z
  .object({
    limit: z.number().int().min(1).max(500).default(50),
    /** Keyset pagination: only calls that started before this time (ms since epoch). */
    before: z.number().int().positive().optional(),
    /** Matches the remote display name or URI. */
    search: z.string().trim().max(100).optional(),
  })
  .default({ limit: 50 });

export const JournalChange = z.object({
  table: z.enum(['calls', 'call_marks', 'breaks', 'reflections']),
});

// ---------------------------------------------------------------- media

/*
 * Call audio is made by the renderer's WebRTC engine, but main's SIP stack decides when an offer
 * or answer is needed: main pushes a `media:request` and the window answers with `media:respond`.
 */
const Sdp = z.string().min(1).max(65_536);
const MediaRequestBase = z.object({
  requestId: z.string().min(1).max(64),
  callId: z.string().min(1).max(200),
});

export const MediaRequest = z.discriminatedUnion('op', [
  /** Make an offer (a new outgoing call, a hold or resume, a re-INVITE without SDP). */
  MediaRequestBase.extend({ op: z.literal('offer'), hold: z.boolean() }),
  /** Answer the other side's offer. */
  MediaRequestBase.extend({ op: z.literal('answer'), sdp: Sdp, hold: z.boolean() }),
  /** The other side's answer to our last offer. */
  MediaRequestBase.extend({ op: z.literal('remote-answer'), sdp: Sdp }),
  /** Keypad tones in the audio (RFC 4733). */
  MediaRequestBase.extend({ op: z.literal('dtmf'), tones: z.string().regex(/^[0-9*#A-D]{1,32}$/) }),
  /** The call is over: release the microphone and the connection. */
  MediaRequestBase.extend({ op: z.literal('close') }),
]);
export type MediaRequest = z.infer<typeof MediaRequest>;
export type MediaOp = MediaRequest['op'];

export const MediaResponse = z.discriminatedUnion('ok', [
  z.object({
    requestId: z.string().min(1).max(64),
    ok: z.literal(true),
    /** Our SDP, for `offer` and `answer`. */
    sdp: Sdp.optional(),
    /** Whether keypad tones can go in the audio (RFC 4733) once negotiated; otherwise main uses SIP INFO. */
    dtmf: z.boolean().optional(),
  }),
  z.object({ requestId: z.string().min(1).max(64), ok: z.literal(false), error: z.string().max(500) }),
]);
export type MediaResponse = z.infer<typeof MediaResponse>;

// ---------------------------------------------------------------- the channel tables

interface ChannelSpec<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
}
const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) =>
  ({ request, response }) satisfies ChannelSpec<Req, Res>;

const noPayload = z.undefined();

/** Requests the renderer makes; main answers each with a Result. */
export const requestChannels = {
  /** Version, data folder and start-up notices. */
  'app:info': channel(noPayload, AppInfo),
  /** The agent dismissed a notice; it is not shown again this run. */
  'app:dismissNotice': channel(z.object({ id: z.string().max(64) }), z.array(Notice)),
  'settings:get': channel(noPayload, SettingsView),
  /** Saves the SIP account (and the password, encrypted) and reconnects the phone. */
  'settings:saveAccount': channel(AccountInput, SettingsView),
  'settings:clearAccount': channel(noPayload, SettingsView),
  'settings:setLanguage': channel(z.object({ language: Language }), SettingsView),
  'phone:getRegistration': channel(noPayload, RegistrationState),
  /** Calls an extension, a number (E.164 or local digits) or a sip: URI. */
  'phone:dial': channel(z.object({ target: z.string().trim().min(1, 'required').max(256) }), CallState),
  'phone:answer': channel(CallId, CallState),
  /** Declines a ringing call: 486 Busy Here, or 603 Decline when `busy` is false. */
  'phone:decline': channel(CallId.extend({ busy: z.boolean().default(true) }), CallState),
  'phone:hangup': channel(CallId, CallState),
  /** Puts the other side on hold (`hold: true`) or resumes the call. */
  'phone:hold': channel(CallId.extend({ hold: z.boolean() }), CallState),
  /**
   * Blind transfer: hands the connected call to an extension, number or sip: address (REFER).
   * Resolves once the other side confirms; the call then ends as 'transferred'.
   */
  'phone:transferBlind': channel(
    CallId.extend({ target: z.string().trim().min(1, 'required').max(256) }),
    z.null(),
  ),
  /**
   * Attended transfer: connects the call with another connected call (the consultation, usually
   * with a colleague or lead) and leaves both (REFER with Replaces); both end as 'transferred'.
   */
  'phone:transferAttended': channel(CallId.extend({ consultCallId: z.string().min(1).max(200) }), z.null()),
  /** Keypad tones during a call. */
  'phone:sendDtmf': channel(
    CallId.extend({ tones: z.string().regex(/^[0-9*#A-D]{1,32}$/, 'dtmf') }),
    CallState,
  ),
  /** On break or do-not-disturb, incoming calls are refused before anything rings. */
  /** Available, on a break or do-not-disturb, as the engine applies it now (a reloaded window asks). */
  'phone:getAvailability': channel(noPayload, Availability),
  'phone:setAvailability': channel(
    z.object({ availability: Availability, retryAfterSeconds: z.number().int().min(1).max(3600).optional() }),
    Availability,
  ),
  'journal:listCalls': channel(ListCallsInput, z.array(CallRecord)),
  /** Keeps a call's audio quality summary with its journal entry (the window measures it as the call ends). */
  'journal:saveCallQuality': channel(CallQualityReport, z.null()),
  /** The agent's audio devices, auto-answer, ICE servers and hotkeys. */
  'settings:getPhone': channel(noPayload, PhonePreferences),
  /** Changes some of them; answers with all of them. */
  'settings:setPhone': channel(PhonePreferences.partial(), PhonePreferences),
  /** The window's answer to a `media:request` (an SDP, or why it could not make one). */
  'media:respond': channel(MediaResponse, z.null()),
  /** The recovery policy IT set and the agent's own preferences. */
  'recovery:getSettings': channel(noPayload, RecoverySettings),
  'recovery:setPreferences': channel(RecoveryPreferences.partial(), RecoverySettings),
  /** Marks a live or recently ended call abusive (a break follows the call) or one to be proud of. */
  'marks:add': channel(MarkInput, MarkReceipt),
  /** Takes a mark back within its undo window (and the break it started). */
  'marks:undo': channel(z.object({ markId: z.number().int().positive() }), z.null()),
  'breaks:get': channel(noPayload, RecoveryState),
  /** "I need a moment": a break now, or as soon as the current call ends. */
  'breaks:start': channel(noPayload, RecoveryState),
  /** Adds the policy's extension step, up to its ceiling. */
  'breaks:extend': channel(noPayload, RecoveryState),
  /** Ends the break early (only once the policy's floor has passed). */
  'breaks:end': channel(noPayload, RecoveryState),
  /** Accepts the longer break suggested after repeated abuse. */
  'breaks:takeLonger': channel(noPayload, RecoveryState),
  /** Saves the reflection on the break that just ended; the notes stay on this machine. */
  'reflections:save': channel(ReflectionInput, RecoveryState),
  'reflections:skip': channel(noPayload, RecoveryState),
  /** The agent's private timeline: calls with their marks, breaks and reflections, newest first. */
  'journal:timeline': channel(TimelineQuery, z.array(TimelineEntry)),
  'journal:export': channel(ExportInput, ExportFile),
  'journal:deleteEntry': channel(DeleteEntryInput, z.null()),
} as const;

/** Events main pushes to the renderer. */
export const eventChannels = {
  'phone:registration': RegistrationState,
  'phone:call': CallState,
  'journal:changed': JournalChange,
  'app:notices': z.array(Notice),
  /** Main asks the window's WebRTC engine for an offer, an answer, tones or a close. */
  'media:request': MediaRequest,
  /** The recovery break, the break waiting for a call to end, and the reflection on offer. */
  'breaks:state': RecoveryState,
  /** The agent's availability changed (do-not-disturb, break, available). */
  'phone:availability': Availability,
  /** The agent pressed a global hotkey (the window acts on it, even minimised). */
  'shell:hotkey': z.object({ action: HotkeyAction }),
} as const;

export type RequestChannel = keyof typeof requestChannels;
export type EventChannel = keyof typeof eventChannels;
export type RequestOf<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['request']>;
export type RequestInputOf<C extends RequestChannel> = z.input<(typeof requestChannels)[C]['request']>;
export type ResponseOf<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['response']>;
export type EventOf<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;

export const isRequestChannel = (value: unknown): value is RequestChannel =>
  typeof value === 'string' && Object.hasOwn(requestChannels, value);
export const isEventChannel = (value: unknown): value is EventChannel =>
  typeof value === 'string' && Object.hasOwn(eventChannels, value);
