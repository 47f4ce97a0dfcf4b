/**
 * The one running break: starts it (journal row, phone unavailable, queue paused), extends it up
 * to the ceiling, ends it early only after the floor, ends it on time, and resumes it after a
 * restart from the journal row. Breaks never overlap.
 */
import type Database from 'better-sqlite3';

import type { ActiveBreak, BreakTrigger } from '../../preload/contract';
import { UserFacingError } from '../kernel/user-facing-error';
import {
  activeBreak,
  extendBreak,
  finishBreak,
  startBreak,
  type BreakEnding,
  type BreakRecord,
} from '../journal/breaks';
import type { Clock } from '../kernel/clock';

import type { AvailabilityKeeper } from './availability-keeper';
import type { BreakBounds } from './break-bounds';
import type { QueueWebhook } from './queue-webhook';
import type { WrapUp } from './wrap-up';

export interface BreakSessionDeps {
  journal: Database.Database;
  clock: Clock;
  bounds: () => BreakBounds;
  availability: AvailabilityKeeper;
  queue: QueueWebhook;
  wrapUp: WrapUp;
  /** The break ended (on time, early, or taken back with its mark). */
  onEnded(record: BreakRecord, how: BreakEnding | 'undone'): void;
  onChanged(): void;
}

export interface BreakSession {
  current(): ActiveBreak | null;
  start(trigger: BreakTrigger, callId: number | null, seconds: number): ActiveBreak;
  extendTo(seconds: number): ActiveBreak;
  extend(): ActiveBreak;
  endEarly(): void;
  /** Ends the break at once, whatever the floor (its mark was undone). */
  cancel(): void;
  /** Picks up a break left running by the previous run. */
  resume(): void;
  stop(): void;
}

export function createBreakSession(deps: BreakSessionDeps): BreakSession {
  const { journal, clock } = deps;
  let record: BreakRecord | null = null;
  let timer: unknown = null;

  const endsAt = (running: BreakRecord) => running.startedAt + running.plannedSeconds * 1000;
  const view = (running: BreakRecord): ActiveBreak => {
    const bounds = deps.bounds();
    return {
      id: running.id,
      callId: running.callId,
      trigger: running.trigger,
      startedAt: running.startedAt,
      endsAt: endsAt(running),
      canEndAt: running.startedAt + bounds.floorSeconds * 1000,
      latestEndsAt: running.startedAt + bounds.ceilingSeconds * 1000,
      extendBySeconds: bounds.extendBySeconds,
    };
  };
  const running = () => {
    if (!record)
      throw new UserFacingError('not-found', 'There is no break running.', { reason: 'break.none' });
    return record;
  };

  function hold(running: BreakRecord) {
    clock.clearTimeout(timer);
    const remainingMs = endsAt(running) - clock.now();
    timer = clock.setTimeout(() => finish(finishedHow(running)), remainingMs);
    deps.availability.holdBreak(remainingMs / 1000, running.restoreAvailability);
    deps.queue.post({ state: 'paused', reason: 'recovery-break', until: endsAt(running) });
    deps.onChanged();
  }

  const finishedHow = (running: BreakRecord): BreakEnding =>
    running.extendedSeconds > 0 ? 'extended-and-completed' : 'completed';

  function finish(how: BreakEnding | 'undone') {
    const ended = running();
    clock.clearTimeout(timer);
    timer = null;
    const onTime = how === 'completed' || how === 'extended-and-completed';
    const actualSeconds = onTime
      ? ended.plannedSeconds
      : Math.max(0, Math.round((clock.now() - ended.startedAt) / 1000));
    finishBreak(journal, ended.id, actualSeconds, how === 'undone' ? 'ended-early' : how);
    record = null;
    // The reflection follows: the phone stays paused for it, at most up to the ceiling.
    const wrapUpUntil = how === 'undone' ? 0 : ended.startedAt + deps.bounds().ceilingSeconds * 1000;
    deps.wrapUp.begin(wrapUpUntil, deps.availability.chosen());
    deps.onEnded({ ...ended, actualSeconds, endedHow: how === 'undone' ? 'ended-early' : how }, how);
    deps.onChanged();
  }

  function setPlanned(seconds: number) {
    const current = running();
    const planned = Math.min(seconds, deps.bounds().ceilingSeconds);
    if (planned <= current.plannedSeconds)
      throw new UserFacingError('conflict', 'This break is already as long as your team’s policy allows.', {
        reason: 'break.at-ceiling',
      });
    record = {
      ...current,
      plannedSeconds: planned,
      extendedSeconds: current.extendedSeconds + planned - current.plannedSeconds,
    };
    extendBreak(journal, record.id, record.plannedSeconds, record.extendedSeconds);
    hold(record);
    return view(record);
  }

  return {
    current: () => (record ? view(record) : null),
    start(trigger, callId, seconds) {
      if (record)
        throw new UserFacingError('conflict', 'A break is already running.', { reason: 'break.running' });
      const entry = {
        callId,
        trigger,
        startedAt: clock.now(),
        plannedSeconds: Math.max(1, Math.round(seconds)),
        restoreAvailability: deps.availability.chosen(),
      };
      deps.wrapUp.supersede();
      record = {
        ...entry,
        id: startBreak(journal, entry),
        extendedSeconds: 0,
        actualSeconds: null,
        endedHow: null,
      };
      hold(record);
      return view(record);
    },
    extend: () => setPlanned(running().plannedSeconds + deps.bounds().extendBySeconds),
    extendTo: (seconds) => setPlanned(seconds),
    endEarly() {
      const current = running();
      const canEndAt = view(current).canEndAt;
      if (clock.now() < canEndAt) {
        const wait = Math.ceil((canEndAt - clock.now()) / 1000);
        throw new UserFacingError('conflict', `This break can be ended in ${wait} s (your team’s minimum).`, {
          reason: 'break.too-early',
          params: { seconds: wait },
        });
      }
      finish('ended-early');
    },
    cancel: () => finish('undone'),
    resume() {
      const left = activeBreak(journal);
      if (!left || record) return;
      record = left;
      if (endsAt(left) > clock.now()) return hold(left);
      // It ended while Steadyline was closed: close it as planned, back to the agent's choice.
      deps.availability.choose(left.restoreAvailability);
      finish(finishedHow(left));
    },
    stop() {
      clock.clearTimeout(timer);
    },
  };
}
