/**
 * Connected calls through a PBX (or proxy) restart. The signalling WebSocket dropping does not stop
 * the audio, which flows through the media relay: so connected calls are kept while the same user
 * agent reconnects (every `stepMs`, for at most `windowMs`) and registers again. Each call is then
 * refreshed with a re-INVITE through the new connection (a target refresh, RFC 3261 12.2: the far
 * end learns where to reach us now). A call whose dialog cannot be refreshed (481, a timeout, a
 * refusal) is ended with a BYE through the new connection, so the far end is never left in dead
 * air; if no connection comes back in time, the calls end as transport-lost, as before.
 */
import type { Clock } from '../../kernel/clock';
import type { Logger } from '../../logging/logger';

import type { CallRecord } from './call-types';
import { reinvite } from './in-call';
import type { SipCalls } from './sip-calls';

/** A PBX restart takes about a second; 8 s also covers a slower one, and stays below the 10 s
 * after which an agent in dead air would hang up anyway. */
export const CALL_RECOVERY_WINDOW_MS = 8_000;
export const CALL_RECOVERY_STEP_MS = 500;

export interface CallRecoveryDeps {
  calls: SipCalls;
  clock: Clock;
  logger?: Logger;
  /** Opens the same user agent's WebSocket again; rejects while the server cannot be reached. */
  reconnect(): Promise<void>;
  /** Registers again over the new connection. */
  register(): void;
  /** No connection came back: the calls end as transport-lost and the registration retries. */
  giveUp(reason: string): void;
  windowMs?: number;
  stepMs?: number;
}

export interface CallRecovery {
  /** Starts keeping the connected calls; false when there is none (nothing to keep). */
  start(reason: string): boolean;
  /** While recovering: settles when it is over (resolves: reconnected; rejects: gave up). */
  settled(): Promise<void> | null;
}

export function createCallRecovery(deps: CallRecoveryDeps): CallRecovery {
  const windowMs = deps.windowMs ?? CALL_RECOVERY_WINDOW_MS;
  const stepMs = deps.stepMs ?? CALL_RECOVERY_STEP_MS;
  let running: Promise<void> | null = null;
  const wait = (ms: number) => new Promise<void>((resolve) => deps.clock.setTimeout(resolve, ms));

  async function reconnectWithin(deadline: number): Promise<boolean> {
    for (;;) {
      try {
        await deps.reconnect();
        return true;
      } catch {
        if (deps.clock.now() + stepMs > deadline) return false;
        await wait(stepMs);
      }
    }
  }

  async function refresh({ id, session }: Pick<CallRecord, 'id' | 'session'>): Promise<void> {
    try {
      await reinvite(session);
      deps.logger?.info({ callId: id }, 'call kept through the loss of the signalling connection');
    } catch (error) {
      deps.logger?.warn(
        { callId: id, error: String(error) },
        'call could not be refreshed: ending it with a BYE',
      );
      deps.calls.endAfterConnectionLoss(id);
    }
  }

  async function recover(reason: string): Promise<void> {
    const kept = deps.calls.connected();
    deps.logger?.warn(
      { reason, calls: kept.length },
      'signalling connection lost during calls: reconnecting',
    );
    if (!(await reconnectWithin(deps.clock.now() + windowMs))) {
      deps.giveUp(reason);
      throw new Error(reason);
    }
    deps.register();
    await Promise.all(deps.calls.connected().map(refresh));
  }

  return {
    start(reason) {
      if (running) return true;
      if (deps.calls.connected().length === 0) return false;
      deps.calls.transportLost(true);
      const attempt = recover(reason);
      running = attempt;
      attempt.then(
        () => (running = null),
        () => (running = null),
      );
      return true;
    },
    settled: () => running,
  };
}
