/**
 * Follows the phone's calls (`phone:call` events) so marks and breaks know which calls are live,
 * when each ended, and which journal row is theirs (main's phone names it on every call state). Ended calls are kept for the marking window.
 */
import type { CallState } from '../../preload/contract';
import type { EventHub } from '../kernel/event-hub';

export interface TrackedCall {
  handle: string;
  startedAt: number;
  remoteUri: string;
  endedAt: number | null;
  journalId: number;
}

export interface CallTracker {
  get(handle: string): TrackedCall | undefined;
  liveCount(): number;
  stop(): void;
}

export interface CallTrackerDeps {
  events: Pick<EventHub, 'subscribe'>;
  now: () => number;
  /** How long an ended call is remembered (the marking window). */
  keepEndedMs: () => number;
  onCallEnded(call: TrackedCall): void;
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
        journalId: call.journalId,
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
