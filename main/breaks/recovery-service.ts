/**
 * Recovery breaks as the rest of main sees them: marks, the break they start when the call ends
 * (never during a call), manual breaks, the longer break after repeated abuse, the reflection
 * offered afterwards, and the phone's availability. Publishes `breaks:state` on every change.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';

import type {
  Availability,
  BreakTrigger,
  MarkInput,
  MarkReceipt,
  RecoveryPreferences,
  RecoverySettings,
  RecoveryState,
  ReflectionInput,
} from '../../preload/contract';
import type { EventHub } from '../kernel/event-hub';
import { UserFacingError } from '../kernel/user-facing-error';
import type { Logger } from '../logging/logger';
import type { Clock } from '../kernel/clock';
import type { PhoneService } from '../phone/phone-service';

import { createAvailabilityKeeper } from './availability-keeper';
import { breakBounds } from './break-bounds';
import { createBreakSession } from './break-session';
import { createCallTracker } from './call-tracker';
import { markCall, undoMarkInTime } from './marking';
import { keepNotesWithinRetention } from './note-retention';
import { createQueueWebhook, type QueueStatusValue } from './queue-webhook';
import { saveReflectionOn } from './reflection';
import { reflectionOnOffer, skipReflectionOf } from '../journal/reflection-offer';
import { createWrapUp } from './wrap-up';

export interface RecoverySettingsSource {
  recovery(): RecoverySettings;
  setRecoveryPreferences(patch: Partial<RecoveryPreferences>): RecoverySettings;
  sipAccount(): { sipUser: string } | null;
}

export interface RecoveryDeps {
  journal: Database.Database;
  events: EventHub;
  phone: Pick<PhoneService, 'setAvailability'>;
  settings: RecoverySettingsSource;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
}

/** After a restart, the reflection of a break that ended at most this long ago is offered again. */
export const REFLECTION_OFFER_MS = 12 * 60 * 60 * 1000;

interface Scheduled {
  trigger: BreakTrigger;
  seconds: number;
  callId: number | null;
  markId: number | null;
}

export type RecoveryService = ReturnType<typeof createRecoveryService>;

export function createRecoveryService(deps: RecoveryDeps) {
  const { clock, journal } = deps;
  const policy = () => deps.settings.recovery().policy;
  const bounds = () => breakBounds(policy());
  let scheduled: Scheduled | null = null;
  let breakMarkId: number | null = null;
  let suggestLonger: RecoveryState['suggestLonger'] = null;
  let reflection: RecoveryState['reflection'] = null;
  let queueStatus: QueueStatusValue = { state: 'off', error: null };
  /** Calls (journal ids) that have had their break: one call starts at most one. */
  const hadBreak = new Set<number>();

  const state = (): RecoveryState => ({
    active: session.current(),
    scheduled: scheduled && { trigger: scheduled.trigger, seconds: scheduled.seconds },
    suggestLonger,
    reflection,
    queue: queueStatus,
    now: clock.now(),
  });
  const publish = () => deps.events.publish('breaks:state', state());

  const availability = createAvailabilityKeeper({
    setAvailability(next, retryAfterSeconds) {
      const now = deps.phone.setAvailability(next, retryAfterSeconds);
      deps.events.publish('phone:availability', now);
      return now;
    },
  });
  const queue = createQueueWebhook({
    policy,
    fallbackAgent: () => deps.settings.sipAccount()?.sipUser ?? null,
    clock,
    logger: deps.logger,
    fetch: deps.fetch,
    onStatus: (status) => {
      queueStatus = status;
      publish();
    },
  });
  const wrapUp = createWrapUp({ clock, availability, queue, onChanged: publish });
  const session = createBreakSession({
    journal,
    clock,
    bounds,
    availability,
    queue,
    wrapUp,
    onEnded: (ended, how) => {
      if (how === 'undone' && ended.callId !== null) hadBreak.delete(ended.callId);
      breakMarkId = null;
      suggestLonger = null;
      reflection = how === 'undone' ? null : { breakId: ended.id, callId: ended.callId };
      // A break taken back with its mark has no reflection, after a restart either.
      if (how === 'undone') skipReflectionOf(journal, ended.id, clock.now());
      deps.events.publish('journal:changed', { table: 'breaks' });
    },
    onChanged: publish,
  });
  const calls = createCallTracker({
    events: deps.events,
    now: clock.now,
    keepEndedMs: () => policy().markWindowMinutes * 60_000 + 60_000,
    onCallEnded: () => startScheduledIfFree(),
  });
  const marking = { journal, calls, now: clock.now, policy };

  /** Breaks never interrupt a call: a scheduled break starts once no call is live. */
  function startScheduledIfFree() {
    if (!scheduled || calls.liveCount() > 0 || session.current()) return;
    const { trigger, callId, seconds, markId } = scheduled;
    scheduled = null;
    reflection = null;
    if (callId !== null) hadBreak.add(callId);
    session.start(trigger, callId, seconds);
    breakMarkId = markId;
    deps.events.publish('journal:changed', { table: 'breaks' });
  }

  function schedule(next: Scheduled) {
    if (session.current())
      throw new UserFacingError('conflict', 'A break is already running.', { reason: 'break.running' });
    scheduled = next;
    startScheduledIfFree();
    publish();
    return state();
  }

  session.resume();
  const resumed = session.current();
  if (resumed?.callId != null) hadBreak.add(resumed.callId);
  // The reflection left open by the previous run is offered again; the phone is not paused for it.
  if (!resumed && !reflection) reflection = reflectionOnOffer(journal, clock.now() - REFLECTION_OFFER_MS);
  const stopRetention = keepNotesWithinRetention({
    journal,
    clock,
    retentionDays: () => policy().noteRetentionDays,
    logger: deps.logger,
  });

  return {
    state,
    settings: () => deps.settings.recovery(),
    setPreferences: (patch: Partial<RecoveryPreferences>) => deps.settings.setRecoveryPreferences(patch),
    chooseAvailability: (next: Availability, retryAfterSeconds?: number) =>
      availability.choose(next, retryAfterSeconds),
    mark(input: z.output<typeof MarkInput>): MarkReceipt {
      const marked = markCall(marking, input);
      deps.events.publish('journal:changed', { table: 'call_marks' });
      const { journalId } = marked.call;
      const ownScheduled = scheduled?.callId === journalId;
      if (ownScheduled && input.kind === 'proud') scheduled = null;
      if (input.kind === 'abusive') {
        const repeated = policy().repeatedAbuse;
        if (marked.recentAbusive >= repeated.marks && !marked.replaced)
          suggestLonger = { marks: marked.recentAbusive, seconds: bounds().longSeconds };
        if (ownScheduled && scheduled) scheduled.markId = marked.receipt.markId;
        if (breakMarkId !== null && session.current()?.callId === journalId)
          breakMarkId = marked.receipt.markId;
        if (!session.current() && !scheduled && !hadBreak.has(journalId)) {
          schedule({
            trigger: 'abusive-call',
            seconds: bounds().defaultSeconds,
            callId: journalId,
            markId: marked.receipt.markId,
          });
        }
      }
      publish();
      return marked.receipt;
    },
    undoMark(markId: number) {
      undoMarkInTime(marking, markId);
      deps.events.publish('journal:changed', { table: 'call_marks' });
      if (scheduled?.markId === markId) scheduled = null;
      if (breakMarkId === markId && session.current()) session.cancel();
      suggestLonger = null;
      publish();
    },
    startManual: () =>
      schedule({ trigger: 'manual', seconds: bounds().defaultSeconds, callId: null, markId: null }),
    extend() {
      session.extend();
      return state();
    },
    end() {
      session.endEarly();
      return state();
    },
    takeLonger() {
      const seconds = suggestLonger?.seconds ?? bounds().longSeconds;
      suggestLonger = null;
      // The suggestion is a length for the whole break, counted from its start.
      if (session.current()) session.extendTo(seconds);
      else schedule({ trigger: 'suggested-long', seconds, callId: null, markId: null });
      publish();
      return state();
    },
    saveReflection(input: z.output<typeof ReflectionInput>) {
      saveReflectionOn(journal, input, clock.now());
      if (reflection?.breakId === input.breakId) reflection = null;
      wrapUp.finish();
      deps.events.publish('journal:changed', { table: 'reflections' });
      publish();
      return state();
    },
    skipReflection() {
      if (reflection) skipReflectionOf(journal, reflection.breakId, clock.now());
      reflection = null;
      wrapUp.finish();
      publish();
      return state();
    },
    /** Resolves once the queue has been told everything so far. */
    queueIdle: () => queue.idle(),
    close() {
      session.stop();
      wrapUp.stop();
      calls.stop();
      stopRetention();
    },
  };
}
