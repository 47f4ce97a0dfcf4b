/**
 * The queue-pause webhook against a real HTTP server on loopback: "paused" with the planned end,
 * then "available"; nothing about calls or notes in the body; a queue that fails or never answers
 * is reported to the agent after the retries, and the break goes on regardless.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { silentLogger } from '../../../main/logging/logger';
import { createQueueWebhook, type QueueStatusValue } from '../../../main/breaks/queue-webhook';
import { DEFAULT_RECOVERY_POLICY } from '../../../main/settings/recovery-settings';
import { FakeClock } from '../../support/fake-clock';

import { activeOf, policyWith, startHarness } from './support/recovery-harness';
import { startQueueServer, type QueueServer } from './support/queue-server';

let queue: QueueServer;
beforeEach(async () => {
  queue = await startQueueServer();
});
afterEach(() => queue.close());

const webhookPolicy = (overrides = {}) =>
  policyWith({
    agentName: 'dana',
    queueWebhook: { url: queue.url, timeoutMs: 300, retries: 1, ...overrides },
  });

describe('the queue webhook', () => {
  it('tells the queue "paused" until the break and its wrap-up end, then "available", and nothing else', async () => {
    const h = startHarness(webhookPolicy());
    const call = h.connect('call-1');
    h.recovery.mark({ callId: call.id, kind: 'abusive', severity: 3, categories: ['insults'] });
    h.hangUp(call);
    const { endsAt, latestEndsAt } = activeOf(h.recovery.state());
    await h.recovery.queueIdle();
    expect(h.recovery.state().queue).toEqual({ state: 'sent', error: null });
    await h.clock.advance(90_000);
    h.recovery.skipReflection();
    await h.recovery.queueIdle();
    expect(queue.received).toEqual([
      { agent: 'dana', state: 'paused', reason: 'recovery-break', until: new Date(endsAt).toISOString() },
      {
        agent: 'dana',
        state: 'paused',
        reason: 'recovery-break',
        until: new Date(latestEndsAt).toISOString(),
      },
      { agent: 'dana', state: 'available', reason: 'break-ended', until: null },
    ]);
  });

  it('reports a queue that answers 500 after its retries, spaced by the jittered backoff', async () => {
    queue.answer = 500;
    const statuses: QueueStatusValue[] = [];
    const clock = new FakeClock();
    const webhook = createQueueWebhook({
      policy: () => webhookPolicy({ retries: 2 }),
      fallbackAgent: () => null,
      clock,
      random: () => 0, // the low end of the ±20 % jitter: 0.4 s, then 0.8 s
      logger: silentLogger(),
      onStatus: (status) => statuses.push(status),
    });
    webhook.post({ state: 'paused', reason: 'recovery-break', until: null });
    for (const [tries, delayMs] of [
      [1, 400],
      [2, 800],
    ] as const) {
      await vi.waitFor(() => expect(clock.pending).toBe(1)); // the failed try scheduled its retry
      expect(queue.received).toHaveLength(tries);
      await clock.advance(delayMs - 1);
      expect(queue.received).toHaveLength(tries);
      await clock.advance(1);
    }
    await webhook.idle();
    expect(queue.received).toHaveLength(3);
    expect(statuses.at(-1)).toEqual({
      state: 'failed',
      error: 'The queue was not told (the queue answered HTTP 500).',
    });
  });

  it('gives up on a queue that never answers, within its timeout', async () => {
    queue.answer = 'hang';
    const h = startHarness(webhookPolicy({ retries: 0 }));
    h.recovery.startManual();
    await h.recovery.queueIdle();
    expect(h.recovery.state().queue).toEqual({
      state: 'failed',
      error: 'The queue was not told (no answer in time).',
    });
    expect(h.recovery.state().active).not.toBeNull();
    expect(h.phone.last?.availability).toBe('break');
  });

  it('reports an unreachable queue and is off when no URL is set', async () => {
    const closedUrl = queue.url;
    await queue.close();
    const h = startHarness(policyWith({ queueWebhook: { url: closedUrl, timeoutMs: 300, retries: 0 } }));
    h.recovery.startManual();
    await h.recovery.queueIdle();
    expect(h.recovery.state().queue.error).toMatch(
      /^The queue was not told \(fetch failed: ECONNREFUSED\)\.$/,
    );
    queue = await startQueueServer();

    const off = startHarness(policyWith({ queueWebhook: DEFAULT_RECOVERY_POLICY.queueWebhook }));
    off.recovery.startManual();
    await off.recovery.queueIdle();
    expect(off.recovery.state().queue).toEqual({ state: 'off', error: null });
  });
});
