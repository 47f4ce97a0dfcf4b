/**
 * The one IPC contract between the renderer and main: the channel tables.
 *
 * Every request channel names its payload and response as zod schemas; every event main pushes
 * to the renderer names its payload. Channels are `domain:verb`, grouped here by domain. Main
 * validates each request against this table before any service sees it, and validates each
 * response and event before it leaves, so a field that is not in a schema (a password, say) can
 * never cross the bridge. The schemas live in `schemas/<domain>.ts` (shared pieces in
 * `schemas/common.ts`); this module re-exports them, so `import { X } from 'preload/contract'` works.
 *
 * This module imports only zod and its schemas: it is loaded by main, by the preload script and by
 * the renderer.
 */
import { z } from 'zod';

import { AppInfo, Notice } from './schemas/app';
import { CallId, CallQualityReport, CallState, DialTarget, DtmfInput } from './schemas/calls';
import { CallHandle } from './schemas/common';
import { CloseDayInput, CloseDayResult, DayOverview, WeekReview, WeekReviewInput } from './schemas/day';
import {
  DeleteEntryInput,
  ExportFile,
  ExportInput,
  JournalCall,
  JournalChange,
  ListCallsInput,
  TimelineEntry,
  TimelineQuery,
} from './schemas/journal';
import { MediaRequest, MediaResponse } from './schemas/media';
import {
  Availability,
  AvailabilityChange,
  HotkeyAction,
  IceServers,
  PhonePreferences,
  RegistrationState,
  TurnLoginInput,
  TurnLogins,
} from './schemas/phone';
import {
  MarkInput,
  MarkReceipt,
  RecoveryPreferences,
  RecoverySettings,
  RecoveryState,
  ReflectionInput,
} from './schemas/recovery';
import { AccountInput, Language, SettingsView } from './schemas/settings';
import {
  CollectorHolding,
  EnrollInput,
  PreviewInput,
  SetSharingInput,
  SharedWeekView,
  ShareInput,
  SharingView,
  SummaryPreview,
  WeekInput,
} from './schemas/summaries';
import { PlayWarningInput, PlayingWarning, WarningsState } from './schemas/warnings';

export * from './schemas/app';
export * from './schemas/calls';
export * from './schemas/common';
export * from './schemas/day';
export * from './schemas/journal';
export * from './schemas/media';
export * from './schemas/phone';
export * from './schemas/recovery';
export * from './schemas/settings';
export * from './schemas/summaries';
export * from './schemas/warnings';

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
  // ---- app: start-up facts and notices
  /** Version, data folder and start-up notices. */
  'app:info': channel(noPayload, AppInfo),
  /** The agent dismissed a notice; it is not shown again this run. */
  'app:dismissNotice': channel(z.object({ id: z.string().max(64) }), z.array(Notice)),
  /** Writes the diagnostics zip for IT (logs, effective policy and settings without secrets, state; main/logging/diagnostics.ts). */
  'app:exportDiagnostics': channel(noPayload, z.object({ file: z.string() })),
  /** Quits Steadyline (the closing screen's "Quit"); the shell's quit never waits for a screen. */
  'app:quit': channel(noPayload, z.null()),

  // ---- settings: the SIP account, the language, the phone preferences
  'settings:get': channel(noPayload, SettingsView),
  /** Saves the SIP account (and the password, encrypted) and reconnects the phone. */
  'settings:saveAccount': channel(AccountInput, SettingsView),
  'settings:clearAccount': channel(noPayload, SettingsView),
  'settings:setLanguage': channel(z.object({ language: Language }), SettingsView),
  /** The agent's audio devices, auto-answer, ICE servers and hotkeys. */
  'settings:getPhone': channel(noPayload, PhonePreferences),
  /** Changes some of them; answers with all of them. */
  'settings:setPhone': channel(PhonePreferences.partial(), PhonePreferences),
  /** TURN logins (the credential kept in the secret store; only "stored" comes back). */
  'settings:getTurnLogins': channel(noPayload, TurnLogins),
  'settings:setTurnLogin': channel(TurnLoginInput, TurnLogins),
  /** The window's media engine: the ICE servers with their TURN logins, for the peer connection. */
  'settings:getIceServers': channel(noPayload, IceServers),

  // ---- phone: registration, availability and calls
  'phone:getRegistration': channel(noPayload, RegistrationState),
  /** Calls an extension, a number (E.164 or local digits) or a sip: URI. */
  'phone:dial': channel(z.object({ target: DialTarget }), CallState),
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
  'phone:transferBlind': channel(CallId.extend({ target: DialTarget }), z.null()),
  /**
   * Attended transfer: connects the call with another connected call (the consultation, usually
   * with a colleague or lead) and leaves both (REFER with Replaces); both end as 'transferred'.
   */
  'phone:transferAttended': channel(CallId.extend({ consultCallId: CallHandle }), z.null()),
  /** Keypad tones during a call. */
  'phone:sendDtmf': channel(DtmfInput, CallState),
  /**
   * Available, on a break or do-not-disturb, as the engine applies it now (a reloaded window asks).
   * On break or do-not-disturb, incoming calls are refused before anything rings.
   */
  'phone:getAvailability': channel(noPayload, Availability),
  'phone:setAvailability': channel(AvailabilityChange, Availability),

  // ---- media: the window's WebRTC engine answering main's SIP stack
  /** The window's answer to a `media:request` (an SDP, or why it could not make one). */
  'media:respond': channel(MediaResponse, z.null()),

  // ---- recovery: policy and preferences, marks, breaks, reflections
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

  // ---- journal: the call history, the private timeline, export and deletion
  'journal:listCalls': channel(ListCallsInput, z.array(JournalCall)),
  /** Keeps a call's audio quality summary with its journal entry (the window measures it as the call ends). */
  'journal:saveCallQuality': channel(CallQualityReport, z.null()),
  /** The agent's private timeline: calls with their marks, breaks and reflections, newest first. */
  'journal:timeline': channel(TimelineQuery, z.array(TimelineEntry)),
  'journal:export': channel(ExportInput, ExportFile),
  'journal:deleteEntry': channel(DeleteEntryInput, z.null()),

  // ---- summaries: what the agent chooses to share with their team lead (main/summaries/)
  /** The agent's consent, IT's policy, enrollment, the weekly card's week and the outbox. */
  'summaries:get': channel(noPayload, SharingView),
  /** Don't share / anonymous totals / with my name, and ask each week or share automatically. */
  'summaries:setSharing': channel(SetSharingInput, SharingView),
  /** Enrolls this install with the team's code (typed, or from IT's settings). */
  'summaries:enroll': channel(EnrollInput, SharingView),
  /** A week's summary and the exact JSON that sharing it would send (default: last week). */
  'summaries:preview': channel(PreviewInput, SummaryPreview),
  /** Queues the previewed week (named by its sha256) for the collector. */
  'summaries:share': channel(ShareInput, SharedWeekView),
  /** "Not this week": the weekly card does not ask again for it. */
  'summaries:skip': channel(WeekInput, SharingView),
  /** Every week shared, with its exact bytes and where it stands. */
  'summaries:history': channel(noPayload, z.array(SharedWeekView)),
  /** Withdraws one week (deleted at the collector; queued while offline). */
  'summaries:revoke': channel(WeekInput, z.array(SharedWeekView)),
  /** Withdraws every week this install shared. */
  'summaries:revokeAll': channel(noPayload, z.array(SharedWeekView)),
  /** Asks the collector what it holds for this install (so a revocation can be seen to have worked). */
  'summaries:checkCollector': channel(noPayload, CollectorHolding),
  /** For a team lead (IT's TeamDashboardUrl): opens the lead's dashboard in the system browser. */
  'summaries:openTeamDashboard': channel(noPayload, z.null()),

  // ---- warnings: the recorded warning played to an abusive caller (main/warnings/)
  /** The warning playing now, and IT recordings that could not be used. */
  'warnings:get': channel(noPayload, WarningsState),
  /**
   * Plays the warning (or the final warning, which marks the call abusive and hangs up when it
   * ends) into a connected call; the agent's microphone is off while it plays.
   */
  'warnings:play': channel(
    PlayWarningInput,
    z.object({ playing: PlayingWarning, mark: MarkReceipt.nullable() }),
  ),
  /** Stops the warning playing in a call (a final warning then does not hang up); the microphone comes back. */
  'warnings:stop': channel(CallId, WarningsState),

  // ---- day: closing the day (main/beyond/), from the local journal only
  /** Today in one line (answered calls, breaks) and the calls marked proud today. */
  'day:overview': channel(noPayload, DayOverview),
  /** Keeps the note "still on your mind" in the journal only (blank: nothing kept). */
  'day:close': channel(CloseDayInput, CloseDayResult),
  /** "My week, in pictures": breaks, abusive marks and mood after breaks per day, and the proud calls. */
  'week:review': channel(WeekReviewInput, WeekReview),
} as const;

/** Events main pushes to the renderer. */
export const eventChannels = {
  // ---- app
  'app:notices': z.array(Notice),
  // ---- phone
  'phone:registration': RegistrationState,
  'phone:call': CallState,
  /** The agent's availability changed (do-not-disturb, break, available). */
  'phone:availability': Availability,
  // ---- media
  /** Main asks the window's WebRTC engine for an offer, an answer, tones or a close. */
  'media:request': MediaRequest,
  // ---- recovery
  /** The recovery break, the break waiting for a call to end, and the reflection on offer. */
  'breaks:state': RecoveryState,
  // ---- warnings
  /** A warning started or ended. */
  'warnings:state': WarningsState,
  // ---- journal
  'journal:changed': JournalChange,
  // ---- summaries
  /** The share screen changed: a week delivered or revoked, the weekly card, enrollment. */
  'summaries:changed': SharingView,
  // ---- shell
  /** The agent pressed a global hotkey (the window acts on it, even minimised). */
  'shell:hotkey': z.object({ action: HotkeyAction }),
  /** A tel:/sip:/callto: link opened Steadyline (main/shell/dial-link.ts): the window asks the agent before dialling. */
  'shell:dialLink': z.object({ target: z.string().max(300), display: z.string().max(300) }),
  /** The agent chose "Close the day" in the tray: the window shows the closing screen. */
  'shell:closeDay': z.object({}),
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
