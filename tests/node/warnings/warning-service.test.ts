/**
 * The recorded warning's rules in main, on a real journal file and the fake clock: when a warning
 * may play, what is journaled, how it ends (played, stopped, the call ended or went on hold, the
 * window failed), and the final warning's mark and hang-up. The window's media engine is the one
 * double (a boundary: WebRTC exists only in the window); the e2e test drives the real one.
 */
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CallState, EventChannel, MarkReceipt } from '../../../preload/contract';
import { insertCall, markAnswered } from '../../../main/journal/calls';
import { addMark } from '../../../main/journal/marks';
import { warningsForCall } from '../../../main/journal/warnings';
import { createEventHub } from '../../../main/kernel/event-hub';
import { UserFacingError } from '../../../main/kernel/user-facing-error';
import { createLogger, silentLogger } from '../../../main/logging/logger';
import type { RecordingProblem, WarningRecordings } from '../../../main/warnings/recordings';
import {
  createWarningService,
  type WarningPlayer,
  type WarningService,
} from '../../../main/warnings/warning-service';
import { collectingDestination } from '../../support/collecting-destination';
import { FakeClock, settle } from '../../support/fake-clock';
import { journalPath, openTestJournal } from '../journal/support/journal-files';

const PLAYS_MS = 6_000;

/** The window's media engine as main sees it: answers each play with its length, or fails. */
class ScriptedWindow implements WarningPlayer {
  played: Array<{ callId: string; mime: string }> = [];
  stopped: string[] = [];
  failWith: Error | null = null;
  /** When set, plays wait until the test releases them (the window decoding). */
  hold: { release: () => void } | null = null;
  async playWarning(callId: string, recording: { bytes: Buffer; mime: string }) {
    this.played.push({ callId, mime: recording.mime });
    if (this.hold === null && this.failWith) throw this.failWith;
    if (this.hold) await new Promise<void>((resolve) => (this.hold = { release: resolve }));
    if (this.failWith) throw this.failWith;
    return PLAYS_MS;
  }
  stopWarning(callId: string) {
    this.stopped.push(callId);
  }
}

const recordings = (problems: RecordingProblem[] = []): WarningRecordings => ({
  get: async (kind, language) => ({
    kind,
    source: 'built-in',
    format: 'wav',
    mime: 'audio/wav',
    durationMs: PLAYS_MS,
    bytes: Buffer.from(`${kind}-${language}`),
  }),
  problems: async () => problems,
});

let journal: ReturnType<typeof openTestJournal>;
let db: Database.Database;
let clock: FakeClock;
let window: ScriptedWindow;
let events: ReturnType<typeof createEventHub>;
let published: Array<[EventChannel, unknown]>;
let hungUp: string[];
let marked: string[];
let service: WarningService;

function start(overrides: Partial<Parameters<typeof createWarningService>[0]> = {}) {
  service = createWarningService({
    journal: db,
    events,
    player: window,
    recordings: recordings(),
    language: () => 'he',
    hangup: (callId) => hungUp.push(callId),
    mark: ({ callId }): MarkReceipt => {
      marked.push(callId);
      return { markId: 7, kind: 'abusive', callId, undoUntil: clock.now() + 10_000 };
    },
    clock,
    logger: silentLogger(),
    ...overrides,
  });
}

beforeEach(() => {
  journal = openTestJournal();
  db = journal.db;
  clock = new FakeClock();
  window = new ScriptedWindow();
  events = createEventHub(silentLogger());
  published = [];
  events.subscribe((event, payload) => published.push([event, payload]));
  hungUp = [];
  marked = [];
  start();
});
afterEach(() => {
  service.close();
  journal.close();
});

/** A call as main's phone publishes it, with its journal row. */
function call(id: string, patch: Partial<CallState> = {}): CallState {
  const journalId = insertCall(db, {
    direction: 'inbound',
    remoteUri: `sip:${id}@pbx`,
    remoteDisplayName: null,
    sipCallId: `cid-${id}`,
    startedAt: clock.now(),
  });
  markAnswered(db, journalId, clock.now());
  const state: CallState = {
    id,
    journalId,
    direction: 'inbound',
    state: 'active',
    remote: { uri: `sip:${id}@pbx`, displayName: null },
    startedAt: clock.now(),
    answeredAt: clock.now(),
    heldByMe: false,
    heldByRemote: false,
    waiting: false,
    endReason: null,
    ...patch,
  };
  events.publish('phone:call', state);
  return state;
}

const change = (state: CallState, patch: Partial<CallState>) =>
  events.publish('phone:call', { ...state, ...patch });
const lastState = () => published.filter(([event]) => event === 'warnings:state').at(-1)?.[1];
const reasonOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return (error as UserFacingError).reason;
};

describe('the recorded warning', () => {
  it('plays in a connected call, is journaled, and ends by itself after its length', async () => {
    const noa = call('noa');
    const { playing, mark } = await service.play('noa', 'warning');
    expect(playing).toEqual({
      callId: 'noa',
      kind: 'warning',
      source: 'built-in',
      startedAt: clock.now(),
      endsAt: clock.now() + PLAYS_MS,
    });
    expect(mark).toBeNull();
    expect(window.played).toEqual([{ callId: 'noa', mime: 'audio/wav' }]);
    expect(lastState()).toMatchObject({ playing: { callId: 'noa', kind: 'warning' } });
    expect(warningsForCall(db, noa.journalId)).toMatchObject([{ kind: 'warning', outcome: null }]);

    await clock.advance(PLAYS_MS);
    expect(lastState()).toEqual({ playing: null, itRecordingProblems: [] });
    expect(warningsForCall(db, noa.journalId)).toMatchObject([
      { kind: 'warning', source: 'built-in', outcome: 'played', endedAt: clock.now() },
    ]);
    expect(hungUp).toEqual([]);
    expect(window.stopped).toEqual([]);
  });

  it('plays again after the first one ended, and each is journaled', async () => {
    const noa = call('noa');
    await service.play('noa', 'warning');
    await clock.advance(PLAYS_MS);
    await service.play('noa', 'warning');
    await clock.advance(PLAYS_MS);
    expect(warningsForCall(db, noa.journalId).map((row) => row.outcome)).toEqual(['played', 'played']);
  });

  it('is refused for a call that is not connected, on hold either way, or gone, and while one plays', async () => {
    call('ringing', { state: 'ringing', answeredAt: null });
    call('held', { heldByMe: true });
    call('holding-us', { heldByRemote: true });
    call('noa');
    expect(await reasonOf(service.play('ringing', 'warning'))).toBe('warning.not-connected');
    expect(await reasonOf(service.play('held', 'warning'))).toBe('warning.on-hold');
    expect(await reasonOf(service.play('holding-us', 'final'))).toBe('warning.on-hold');
    expect(await reasonOf(service.play('nobody', 'warning'))).toBe('warning.call-gone');
    await service.play('noa', 'warning');
    expect(await reasonOf(service.play('noa', 'warning'))).toBe('warning.already-playing');
    expect(window.played).toHaveLength(1);
  });

  it('gives way to the final warning, which marks the call abusive and hangs up when it ends', async () => {
    const noa = call('noa');
    await service.play('noa', 'warning');
    await clock.advance(2_000);
    const { playing, mark } = await service.play('noa', 'final');
    expect(playing.kind).toBe('final');
    expect(mark).toMatchObject({ kind: 'abusive', callId: 'noa' });
    expect(marked).toEqual(['noa']);
    expect(window.stopped).toEqual(['noa']);
    expect(await reasonOf(service.play('noa', 'warning'))).toBe('warning.already-playing');
    expect(await reasonOf(service.play('noa', 'final'))).toBe('warning.already-playing');

    expect(hungUp).toEqual([]);
    await clock.advance(PLAYS_MS);
    expect(hungUp).toEqual(['noa']);
    expect(warningsForCall(db, noa.journalId).map(({ kind, outcome }) => [kind, outcome])).toEqual([
      ['warning', 'stopped'],
      ['final', 'played'],
    ]);
  });

  it('keeps the mark the agent already gave (severity and all) instead of marking again', async () => {
    const noa = call('noa');
    addMark(db, {
      callId: noa.journalId,
      kind: 'abusive',
      severity: 3,
      categories: ['threats'],
      createdAt: clock.now(),
    });
    const { mark } = await service.play('noa', 'final');
    expect(mark).toBeNull();
    expect(marked).toEqual([]);
  });

  it('stops when the agent says so: the microphone comes back and a final warning does not hang up', async () => {
    const noa = call('noa');
    await service.play('noa', 'final');
    expect(await service.stop('noa')).toEqual({ playing: null, itRecordingProblems: [] });
    expect(window.stopped).toEqual(['noa']);
    await clock.advance(PLAYS_MS * 2);
    expect(hungUp).toEqual([]);
    expect(warningsForCall(db, noa.journalId)).toMatchObject([{ kind: 'final', outcome: 'stopped' }]);
    // Stopping again, or a call with nothing playing, changes nothing.
    expect((await service.stop('noa')).playing).toBeNull();
    expect(window.stopped).toEqual(['noa']);
  });

  it('ends with the call (no hang-up of a call already over) and stops when the call goes on hold', async () => {
    const noa = call('noa');
    await service.play('noa', 'final');
    change(noa, { state: 'ended', endReason: 'remote-hangup' });
    await clock.advance(PLAYS_MS);
    expect(hungUp).toEqual([]);
    expect(warningsForCall(db, noa.journalId)).toMatchObject([{ outcome: 'call-ended' }]);

    const avi = call('avi');
    await service.play('avi', 'warning');
    change(avi, { heldByMe: true });
    expect(window.stopped).toEqual(['avi']);
    expect(warningsForCall(db, avi.journalId)).toMatchObject([{ outcome: 'stopped' }]);
    expect(lastState()).toMatchObject({ playing: null });
  });

  it('says so when the window cannot play it, journals the failure, and lets the agent try again', async () => {
    const noa = call('noa');
    window.failWith = new Error('EncodingError: Unable to decode audio data');
    expect(await reasonOf(service.play('noa', 'warning'))).toBe('warning.failed');
    expect(warningsForCall(db, noa.journalId)).toMatchObject([{ outcome: 'failed' }]);
    expect(lastState()).toBeUndefined();
    window.failWith = null;
    await service.play('noa', 'warning');
    expect(warningsForCall(db, noa.journalId).map((row) => row.outcome)).toEqual(['failed', null]);
  });

  it('does not play into a call that ended while the window was starting it', async () => {
    const noa = call('noa');
    window.hold = { release: () => undefined };
    const playing = service.play('noa', 'final');
    await settle();
    expect(await reasonOf(service.play('noa', 'final'))).toBe('warning.already-playing');
    change(noa, { state: 'ended', endReason: 'remote-hangup' });
    window.hold.release();
    expect(await reasonOf(playing)).toBe('warning.interrupted');
    expect(marked).toEqual([]);
    await clock.advance(PLAYS_MS);
    expect(hungUp).toEqual([]);
    expect(warningsForCall(db, noa.journalId)).toMatchObject([{ outcome: 'call-ended' }]);
  });

  it('needs the window’s call audio', async () => {
    start({ player: null });
    call('noa');
    const error = await service.play('noa', 'warning').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'unavailable' });
  });

  it('names IT’s recordings that could not be used, and logs each problem once', async () => {
    const log = collectingDestination();
    const problem: RecordingProblem = {
      kind: 'warning',
      path: '/etc/steadyline/warning.wav',
      reason: 'unknown-format',
      message: 'The warning recording /etc/steadyline/warning.wav is not WAV, Ogg Opus or MP3.',
    };
    start({ recordings: recordings([problem]), logger: createLogger({ level: 'info', destination: log }) });
    call('noa');
    expect(await service.state()).toEqual({
      playing: null,
      itRecordingProblems: [{ kind: 'warning', reason: 'unknown-format' }],
    });
    await service.play('noa', 'warning');
    await service.state();
    expect(log.lines().filter((line) => line.includes('is not WAV'))).toHaveLength(1);
  });
});

describe('a warning cut off by a crash', () => {
  it('is closed as interrupted at its start when the journal opens again', async () => {
    const file = journalPath();
    journal.close();
    journal = openTestJournal(file);
    db = journal.db;
    start();
    const noa = call('noa');
    await service.play('noa', 'warning');
    journal.close();

    journal = openTestJournal(file);
    db = journal.db;
    // The crashed process's service is gone with it; this start has its own.
    events = createEventHub(silentLogger());
    start();
    expect(journal.interrupted).toMatchObject({ calls: 1, warnings: 1 });
    const [row] = warningsForCall(db, noa.journalId);
    expect(row).toMatchObject({ outcome: 'interrupted' });
    expect(row?.endedAt).toBe(row?.startedAt);
  });
});
