import { describe, expect, it } from 'vitest';

import { CallState } from '../../../preload/contract';
import { callSounds } from '../../../renderer/src/media/call-sounds';
import { qualityReporter } from '../../../renderer/src/media/quality-reporter';

const call = (overrides: Partial<CallState>): CallState =>
  CallState.parse({
    id: 'c1',
    journalId: 1,
    direction: 'inbound',
    state: 'ringing',
    remote: { uri: 'sip:050@pbx', displayName: null },
    startedAt: 1_700_000_000_000,
    answeredAt: null,
    heldByMe: false,
    heldByRemote: false,
    waiting: false,
    endReason: null,
    ...overrides,
  });

/** TEST DOUBLE of the Ringer: jsdom cannot play audio; it records what was asked. */
function fakeRinger() {
  const log: string[] = [];
  return {
    log,
    ringer: {
      start: () => void log.push('ring'),
      stop: () => void log.push('stop'),
      beep: async () => void log.push('beep'),
    },
  };
}

describe('call sounds', () => {
  it('rings while a call rings and stops when it is answered; a waiting call does not ring over the call', () => {
    const { log, ringer } = fakeRinger();
    const onCall = callSounds({ ringer, autoAnswer: () => false, answer: async () => undefined });
    onCall(call({}));
    onCall(call({ state: 'active', answeredAt: 1 }));
    expect(log).toEqual(['ring', 'stop']);
    log.length = 0;
    onCall(call({ id: 'c2', waiting: true }));
    expect(log).toEqual(['stop']);
  });

  it('auto-answers after a short beep, once', async () => {
    const { log, ringer } = fakeRinger();
    const answered: string[] = [];
    const onCall = callSounds({
      ringer,
      autoAnswer: () => true,
      answer: async (id) => void answered.push(id),
    });
    onCall(call({}));
    onCall(call({}));
    await Promise.resolve();
    await Promise.resolve();
    expect(log.filter((entry) => entry === 'beep')).toHaveLength(1);
    expect(log).not.toContain('ring');
    expect(answered).toEqual(['c1']);
  });
});

describe('quality reporter', () => {
  const quality = {
    packetLossPercent: 0,
    jitterMs: 1,
    roundTripMs: 2,
    mos: 4.4,
    packetsReceived: 50,
    packetsSent: 50,
  };

  it('sends an answered call’s summary for its journal row, and nothing for unanswered calls', () => {
    const saved: unknown[] = [];
    const reporter = qualityReporter((report) => saved.push(report));
    reporter.onCall(call({ state: 'active', answeredAt: 5 }));
    reporter.closed('c1', quality);
    reporter.onCall(call({ id: 'c2', state: 'ended', endReason: 'declined' }));
    reporter.closed('c2', quality);
    expect(saved).toEqual([{ journalId: 1, quality }]);
  });
});
