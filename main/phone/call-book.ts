/**
 * Every call the phone handles: its state for the window, its row in the journal, and the
 * availability gate that refuses calls during a break or do-not-disturb before anything rings.
 * Main journals each call itself, so the record is complete even if the window is gone.
 */
import type Database from 'better-sqlite3';

import type { Availability, CallState } from '../../preload/contract';
import type { Clock } from '../kernel/clock';
import type { EventHub } from '../kernel/event-hub';
import { endCall, insertCall, markAnswered } from '../journal/calls';
import { markedBefore } from '../journal/marked-before';

import { MAX_RINGING_CALLS } from './sip/inbound-limits';
import type { CallEvent, IncomingCallInfo, Refusal, RemoteParty, SipCallsDelegate } from './sip/sip-calls';

export interface CallBookOptions {
  journal: Database.Database;
  events: EventHub;
  /** Call times (started, answered, ended) and the do-not-disturb Retry-After come from it. */
  clock: Pick<Clock, 'now'>;
  /** The SIP answer to calls that arrive during a break or do-not-disturb: 480 (default) or 486. */
  unavailableStatus?: 480 | 486;
  /** How many days back an abusive mark on the same caller gives a ringing call its heads-up (0: off). */
  markedBeforeDays?: () => number;
}

interface Entry {
  state: CallState;
  journalId: number;
}

export interface CallBook extends SipCallsDelegate {
  outgoing(id: string, sipCallId: string, remote: RemoteParty): CallState;
  get(id: string): CallState | undefined;
  /** Calls other than `id` that are connected and not on hold by the agent. */
  connectedOthers(id: string | null): CallState[];
  setAvailability(availability: Availability, retryAfterSeconds?: number): Availability;
  availability(): Availability;
  readonly size: number;
}

export function createCallBook({
  journal,
  events,
  clock,
  unavailableStatus = 480,
  markedBeforeDays = () => 0,
}: CallBookOptions): CallBook {
  const entries = new Map<string, Entry>();
  let availability: Availability = 'available';
  let availableAgainAt: number | null = null;

  const publish = (entry: Entry) => {
    events.publish('phone:call', entry.state);
    events.publish('journal:changed', { table: 'calls' });
  };

  /** True while another call is connected: a new incoming call is then a call waiting. */
  const anotherCallConnected = (id: string) =>
    [...entries.values()].some((entry) => entry.state.id !== id && entry.state.state === 'active');

  /** A waiting call whose other calls all ended rings as an ordinary call. */
  function refreshWaiting() {
    for (const entry of entries.values()) {
      const waiting = entry.state.state === 'ringing' && anotherCallConnected(entry.state.id);
      if (entry.state.waiting === waiting) continue;
      entry.state = { ...entry.state, waiting };
      publish(entry);
    }
  }

  function open(
    id: string,
    direction: CallState['direction'],
    sipCallId: string,
    remote: RemoteParty,
    state: CallState['state'],
  ) {
    const startedAt = clock.now();
    // Read before this call's own row exists; only incoming calls get the heads-up.
    const earlier =
      direction === 'inbound' ? markedBefore(journal, remote.uri, markedBeforeDays(), startedAt) : null;
    const journalId = insertCall(journal, {
      direction,
      remoteUri: remote.uri,
      remoteDisplayName: remote.displayName,
      sipCallId,
      startedAt,
    });
    const entry: Entry = {
      journalId,
      state: {
        id,
        journalId,
        direction,
        state,
        remote,
        startedAt,
        answeredAt: null,
        heldByMe: false,
        heldByRemote: false,
        waiting: state === 'ringing' && anotherCallConnected(id),
        endReason: null,
        markedBefore: earlier,
      },
    };
    entries.set(id, entry);
    publish(entry);
    return entry.state;
  }

  function refusal(): Refusal {
    const seconds =
      availableAgainAt === null ? undefined : Math.max(1, Math.ceil((availableAgainAt - clock.now()) / 1000));
    return seconds === undefined
      ? { statusCode: unavailableStatus }
      : { statusCode: unavailableStatus, retryAfterSeconds: seconds };
  }

  /** A call refused before it rang: 'deferred' (break, do-not-disturb) or 'busy' (too many ringing). */
  function journalRefused(call: IncomingCallInfo, statusCode: number, endReason: 'deferred' | 'busy') {
    const at = clock.now();
    const id = insertCall(journal, {
      direction: 'inbound',
      remoteUri: call.remote.uri,
      remoteDisplayName: call.remote.displayName,
      sipCallId: call.sipCallId,
      startedAt: at,
    });
    endCall(journal, id, { endedAt: at, endReason, sipStatus: statusCode });
    events.publish('journal:changed', { table: 'calls' });
  }

  function apply(id: string, event: CallEvent) {
    const entry = entries.get(id);
    if (!entry) return;
    if (event.kind === 'early') entry.state = { ...entry.state, state: 'early' };
    if (event.kind === 'hold') {
      entry.state = { ...entry.state, [event.by === 'local' ? 'heldByMe' : 'heldByRemote']: event.held };
    }
    if (event.kind === 'established') {
      const answeredAt = clock.now();
      markAnswered(journal, entry.journalId, answeredAt);
      entry.state = { ...entry.state, state: 'active', answeredAt };
    }
    if (event.kind === 'ended') {
      endCall(journal, entry.journalId, {
        endedAt: clock.now(),
        endReason: event.reason,
        sipStatus: event.sipStatus,
      });
      entry.state = { ...entry.state, state: 'ended', waiting: false, endReason: event.reason };
      entries.delete(id);
    }
    publish(entry);
    if (event.kind === 'established' || event.kind === 'ended') refreshWaiting();
  }

  return {
    admit(call) {
      if (availability === 'available') {
        // A flood of INVITEs must not make hundreds of cards (and the window's peer connections).
        const ringing = [...entries.values()].filter((entry) => entry.state.state === 'ringing').length;
        if (ringing < MAX_RINGING_CALLS) return null;
        journalRefused(call, 486, 'busy');
        return { statusCode: 486 };
      }
      const answer = refusal();
      journalRefused(call, answer.statusCode, 'deferred');
      return answer;
    },
    onRinging: (call) => void open(call.id, 'inbound', call.sipCallId, call.remote, 'ringing'),
    onCallEvent: apply,
    outgoing: (id, sipCallId, remote) => open(id, 'outbound', sipCallId, remote, 'dialing'),
    get: (id) => entries.get(id)?.state,
    connectedOthers: (id) =>
      [...entries.values()]
        .map((entry) => entry.state)
        .filter((call) => call.id !== id && call.state === 'active' && !call.heldByMe),
    setAvailability(next, retryAfterSeconds) {
      availability = next;
      availableAgainAt =
        next !== 'available' && retryAfterSeconds ? clock.now() + retryAfterSeconds * 1000 : null;
      return availability;
    },
    availability: () => availability,
    get size() {
      return entries.size;
    },
  };
}
