/**
 * Follows the phone's calls (`phone:call` events) so marks and breaks know which calls are live,
 * when each ended, and which journal row is theirs. Ended calls are kept for the marking window.
 */
import type Database from 'better-sqlite3';

import type { CallState } from '../../preload/contract';
import type { EventHub } from '../core/event-hub';
import { statement } from '../journal/statements';

export interface TrackedCall {
  handle: string;
  startedAt: number;
  remoteUri: string;
  endedAt: number | null;
  journalId: number | null;
}

export interface CallTracker {
  get(handle: string): TrackedCall | undefined;
  liveCount(): number;
  stop(): void;
}

export interface CallTrackerDeps {
  events: Pick<EventHub, 'subscribe'>;
  journal: Database.Database;
  now: () => number;
  /** How long an ended call is remembered (the marking window). */
  keepEndedMs: () => number;
  onCallEnded(call: TrackedCall): void;
}

const FIND_CALL_SQL = 'SELECT id, sip_call_id FROM calls WHERE started_at = ? AND remote_uri = ? ORDER BY id';

/**
 * Main journals a call with the start time and URI it gives the window; the handle starts with
 * the SIP Call-ID, which tells apart two calls started in the same millisecond.
 */
function journalIdOf(db: Database.Database, call: CallState): number | null {
  const rows = statement(db, FIND_CALL_SQL).all(call.startedAt, call.remote.uri) as Array<{
    id: number;
    sip_call_id: string;
  }>;
  const exact = rows.find((row) => call.id.startsWith(row.sip_call_id));
  return exact?.id ?? rows.at(-1)?.id ?? null;
}

export function createCallTracker(deps: CallTrackerDeps): CallTracker {
  const calls = new Map<string, TrackedCall>();

  const forgetOld = () => {
    const cutoff = deps.now() - deps.keepEndedMs();
    for (const [handle, call] of calls)
      if (call.endedAt !== null && call.endedAt < cutoff) calls.delete(handle);
  };

  const onCall = (call: CallState) => {
    forgetOld();
    let tracked = calls.get(call.id);
    if (!tracked) {
      tracked = {
        handle: call.id,
        startedAt: call.startedAt,
        remoteUri: call.remote.uri,
        endedAt: null,
        journalId: journalIdOf(deps.journal, call),
      };
      calls.set(call.id, tracked);
    }
    if (call.state === 'ended' && tracked.endedAt === null) {
      tracked.endedAt = deps.now();
      deps.onCallEnded(tracked);
    }
  };

  const stop = deps.events.subscribe((event, payload) => {
    if (event === 'phone:call') onCall(payload as CallState);
  });

  return {
    get: (handle) => calls.get(handle),
    liveCount: () => [...calls.values()].filter((call) => call.endedAt === null).length,
    stop,
  };
}
