/**
 * Keeping connected calls through a lost signalling connection, on a fake clock: the reconnect
 * attempts, the give-up after the window, and which calls are refreshed or ended with a BYE.
 * (The same against a real Kamailio restart: pbx-restart.test.ts.)
 */
import { SessionState, type Session } from 'sip.js';
import { describe, expect, it } from 'vitest';

import {
  CALL_RECOVERY_STEP_MS,
  CALL_RECOVERY_WINDOW_MS,
  createCallRecovery,
} from '../../../main/phone/sip/call-recovery';
import type { SipCalls } from '../../../main/phone/sip/sip-calls';
import { FakeClock } from '../../support/fake-clock';

/** A connected session whose re-INVITE the far end accepts (true) or refuses with 481 (false). */
function session(accepts: boolean): Session {
  return {
    state: SessionState.Established,
    invite: (options: { requestDelegate: { onAccept(): void; onReject(r: unknown): void } }) => {
      if (accepts) options.requestDelegate.onAccept();
      else options.requestDelegate.onReject({ message: { statusCode: 481 } });
      return Promise.resolve();
    },
  } as unknown as Session;
}

function harness(connected: Array<{ id: string; session: Session }>, reconnectsAfter: number) {
  const clock = new FakeClock();
  const log = { attempts: 0, registered: 0, gaveUp: [] as string[], lostKept: 0, byes: [] as string[] };
  const calls = {
    connected: () => connected,
    transportLost: (keepConnected?: boolean) => keepConnected && (log.lostKept += 1),
    endAfterConnectionLoss: (id: string) => log.byes.push(id),
  } as unknown as SipCalls;
  const recovery = createCallRecovery({
    calls,
    clock,
    reconnect: async () => {
      log.attempts += 1;
      if (log.attempts < reconnectsAfter) throw new Error('connection refused');
    },
    register: () => (log.registered += 1),
    giveUp: (reason) => log.gaveUp.push(reason),
  });
  return { clock, log, recovery };
}

describe('call recovery after a lost signalling connection', () => {
  it('does nothing without a connected call: the caller ends calls as before', () => {
    const { recovery, log } = harness([], 1);
    expect(recovery.start('closed')).toBe(false);
    expect(recovery.settled()).toBeNull();
    expect(log.attempts).toBe(0);
  });

  it('reconnects, registers again and refreshes each call; a refused refresh ends that call with a BYE', async () => {
    const { recovery, log, clock } = harness(
      [
        { id: 'kept', session: session(true) },
        { id: 'gone', session: session(false) },
      ],
      3,
    );
    expect(recovery.start('closed')).toBe(true);
    expect(recovery.start('closed again')).toBe(true); // one recovery at a time
    expect(log.lostKept).toBe(1); // calls not yet connected ended at once
    await clock.advance(2 * CALL_RECOVERY_STEP_MS);
    await recovery.settled();
    expect(log).toMatchObject({ attempts: 3, registered: 1, gaveUp: [], byes: ['gone'] });
    expect(recovery.settled()).toBeNull();
  });

  it(`gives up after ${CALL_RECOVERY_WINDOW_MS} ms without a connection, once`, async () => {
    const { recovery, log, clock } = harness([{ id: 'kept', session: session(true) }], Infinity);
    recovery.start('closed');
    const settled = recovery.settled();
    const outcome = settled?.then(
      () => 'reconnected',
      () => 'gave up',
    );
    await clock.advance(CALL_RECOVERY_WINDOW_MS - CALL_RECOVERY_STEP_MS);
    expect(log.gaveUp).toEqual([]);
    await clock.advance(CALL_RECOVERY_STEP_MS);
    expect(await outcome).toBe('gave up');
    expect(log.gaveUp).toEqual(['closed']);
    expect(log.registered).toBe(0);
    expect(log.attempts).toBe(CALL_RECOVERY_WINDOW_MS / CALL_RECOVERY_STEP_MS + 1);
  });
});
