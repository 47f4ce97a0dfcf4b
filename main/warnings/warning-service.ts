/**
 * The recorded warning (issue 15): one key plays a calm message to an abusive caller instead of
 * the agent's microphone, so the agent need not say it while being shouted at. The final warning
 * marks the call abusive, plays the closing message and hangs up when it ends; the break then
 * starts as after any abusive call.
 *
 * Main decides and journals; the window's media engine mixes the recording into the call. One
 * warning plays at a time (only one call is ever connected and not on hold).
 */
import type Database from 'better-sqlite3';

import type {
  CallState,
  Language,
  MarkReceipt,
  PlayingWarning,
  WarningKind,
  WarningsState,
} from '../../preload/contract';
import type { Clock } from '../kernel/clock';
import { describeError } from '../kernel/describe-error';
import type { EventHub } from '../kernel/event-hub';
import { UserFacingError } from '../kernel/user-facing-error';
import { marksForCall } from '../journal/marks';
import { addWarning, endWarning, type WarningOutcome } from '../journal/warnings';
import type { Logger } from '../logging/logger';

import type { RecordingProblem, WarningRecording, WarningRecordings } from './recordings';

/** The window's part: plays a recording into a call (resolves with its length) or stops it. */
export interface WarningPlayer {
  playWarning(callId: string, recording: Pick<WarningRecording, 'bytes' | 'mime'>): Promise<number>;
  stopWarning(callId: string): void;
}

export interface WarningServiceDeps {
  journal: Database.Database;
  events: EventHub;
  /** Null when calls have no audio in a window (a core without one cannot play warnings). */
  player: WarningPlayer | null;
  recordings: WarningRecordings;
  /** The agent's language: the built-in recording in it plays when IT set none. */
  language: () => Language;
  hangup: (callId: string) => unknown;
  mark: (input: { callId: string; kind: 'abusive'; categories: [] }) => MarkReceipt;
  clock: Clock;
  logger: Logger;
}

interface Playing extends Omit<PlayingWarning, 'endsAt'> {
  warningId: number;
  /** Null until the window said it plays. */
  endsAt: number | null;
  timer: unknown;
}

export interface WarningService {
  state(): Promise<WarningsState>;
  play(callId: string, kind: WarningKind): Promise<{ playing: PlayingWarning; mark: MarkReceipt | null }>;
  stop(callId: string): Promise<WarningsState>;
  close(): void;
}

const refuse = (reason: string, message: string) =>
  new UserFacingError('conflict', message, { reason: `warning.${reason}` });

export function createWarningService(deps: WarningServiceDeps): WarningService {
  const { journal, clock, logger } = deps;
  const calls = new Map<string, CallState>();
  let playing: Playing | null = null;
  let problems: RecordingProblem[] = [];
  const reported = new Set<string>();

  const shown = (): PlayingWarning | null =>
    playing?.endsAt == null
      ? null
      : {
          callId: playing.callId,
          kind: playing.kind,
          startedAt: playing.startedAt,
          endsAt: playing.endsAt,
          source: playing.source,
        };
  const current = (): WarningsState => ({
    playing: shown(),
    itRecordingProblems: problems.map(({ kind, reason }) => ({ kind, reason })),
  });
  const publish = () => deps.events.publish('warnings:state', current());

  const noteProblems = async () => {
    problems = await deps.recordings.problems();
    for (const problem of problems) {
      const key = `${problem.kind}:${problem.path}:${problem.reason}`;
      if (reported.has(key)) continue;
      reported.add(key);
      logger.warn({ kind: problem.kind, path: problem.path, reason: problem.reason }, problem.message);
    }
  };

  /** Ends the warning playing now; a final warning that played to its end hangs the call up. */
  const finish = (outcome: WarningOutcome) => {
    const ended = playing;
    if (!ended) return;
    playing = null;
    clock.clearTimeout(ended.timer);
    endWarning(journal, ended.warningId, outcome, clock.now());
    deps.events.publish('journal:changed', { table: 'calls' });
    if (outcome === 'stopped') deps.player?.stopWarning(ended.callId);
    publish();
    if (ended.kind === 'final' && outcome === 'played') {
      try {
        deps.hangup(ended.callId);
      } catch (error) {
        logger.warn({ callId: ended.callId, err: describeError(error) }, 'final warning: hang-up failed');
      }
    }
  };

  const stopFollowing = deps.events.subscribe((event, payload) => {
    if (event !== 'phone:call') return;
    const call = payload as CallState;
    if (call.state === 'ended') calls.delete(call.id);
    else calls.set(call.id, call);
    if (playing?.callId !== call.id) return;
    if (call.state === 'ended') finish('call-ended');
    // On hold the caller would not hear the rest; the agent decides again after resuming.
    else if (call.heldByMe || call.heldByRemote) finish('stopped');
  });

  /** The call a warning can play in: connected, not on hold, no final warning already playing. */
  const playableCall = (callId: string, kind: WarningKind): { call: CallState; player: WarningPlayer } => {
    const call = calls.get(callId);
    const player = deps.player;
    if (!player) throw new UserFacingError('unavailable', 'Warnings need the call audio of the window.');
    if (!call)
      throw new UserFacingError('not-found', 'That call has ended.', { reason: 'warning.call-gone' });
    if (call.state !== 'active')
      throw refuse('not-connected', 'A warning can be played once the call is connected.');
    if (call.heldByMe || call.heldByRemote)
      throw refuse('on-hold', 'A warning cannot be played while the call is on hold.');
    if (playing && (playing.kind === 'final' || kind === 'warning' || playing.endsAt === null))
      throw refuse('already-playing', 'A warning is playing already.');
    return { call, player };
  };

  /** The final warning marks the call abusive, unless the agent has marked it so already. */
  const markFinal = (call: CallState): MarkReceipt | null => {
    const standing = marksForCall(journal, call.journalId).some(
      (mark) => mark.kind === 'abusive' && mark.undoneAt === null,
    );
    if (standing) return null;
    try {
      return deps.mark({ callId: call.id, kind: 'abusive', categories: [] });
    } catch (error) {
      logger.warn(
        { callId: call.id, err: describeError(error) },
        'final warning: the call could not be marked',
      );
      return null;
    }
  };

  return {
    async state() {
      await noteProblems();
      return current();
    },

    async play(callId, kind) {
      playableCall(callId, kind);
      const recording = await deps.recordings.get(kind, deps.language());
      await noteProblems();
      // Checked again: the call may have changed while the recording was read.
      const { call, player } = playableCall(callId, kind);
      // A warning gives way to the final one.
      if (playing) finish('stopped');
      const startedAt = clock.now();
      const mine: Playing = {
        callId,
        kind,
        source: recording.source,
        startedAt,
        endsAt: null,
        timer: null,
        warningId: addWarning(journal, { callId: call.journalId, kind, source: recording.source, startedAt }),
      };
      playing = mine;
      let durationMs: number;
      try {
        durationMs = await player.playWarning(callId, recording);
      } catch (error) {
        if (playing === mine) {
          playing = null;
          endWarning(journal, mine.warningId, 'failed', clock.now());
        }
        logger.warn({ callId, kind, err: describeError(error) }, 'the warning could not be played');
        throw new UserFacingError('unavailable', 'The warning could not be played.', {
          reason: 'warning.failed',
        });
      }
      // The call ended or went on hold while the window started it: finish() has closed it.
      if (playing !== mine) throw refuse('interrupted', 'The call changed before the warning could play.');
      const endsAt = clock.now() + durationMs;
      mine.endsAt = endsAt;
      mine.timer = clock.setTimeout(() => playing === mine && finish('played'), durationMs);
      const mark = kind === 'final' ? markFinal(call) : null;
      deps.events.publish('journal:changed', { table: 'calls' });
      logger.info({ callId, kind, source: recording.source, durationMs }, 'warning playing');
      publish();
      const { warningId: _id, timer: _timer, ...playingNow } = mine;
      return { playing: { ...playingNow, endsAt }, mark };
    },

    async stop(callId) {
      if (playing?.callId === callId && playing.endsAt !== null) finish('stopped');
      return current();
    },

    close() {
      stopFollowing();
      if (playing) finish('stopped');
    },
  };
}
