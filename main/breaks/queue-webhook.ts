/**
 * Tells the call-center queue when the agent is paused and available again: an HTTP POST of
 * `{agent, state, reason, until}` to the URL IT configured, bounded by a timeout, retried a few
 * times. Only availability crosses: never a caller, a mark or a note. A failure is reported to
 * the agent and never holds up the break. Posts go out one after another, in order.
 */
import type { z } from 'zod';

import type { QueueStatus, QueueWebhookPolicy, RecoveryPolicy } from '../../preload/contract';
import type { Logger } from '../logging/logger';
import { backoffDelayMs, type BackoffPolicy } from '../kernel/backoff';
import type { Clock } from '../kernel/clock';
import { describeError } from '../kernel/describe-error';

export interface QueueUpdate {
  state: 'paused' | 'available';
  reason: 'recovery-break' | 'do-not-disturb' | 'break-ended';
  /** When the pause is planned to end (ms since epoch), or null. */
  until: number | null;
}

export type QueueStatusValue = z.infer<typeof QueueStatus>;

export interface QueueWebhookDeps {
  policy: () => Pick<RecoveryPolicy, 'queueWebhook' | 'agentName'>;
  /** The agent's name for the queue when the policy names none (the SIP user). */
  fallbackAgent: () => string | null;
  clock: Clock;
  logger: Logger;
  onStatus(status: QueueStatusValue): void;
  fetch?: typeof fetch;
  /** Jitter source for the retry delays (tests pass a fixed one). */
  random?: () => number;
}

export interface QueueWebhook {
  post(update: QueueUpdate): void;
  /** Resolves when every post so far has been delivered or given up. */
  idle(): Promise<void>;
}

/** Retries of one post: 0.5 s, then doubling with jitter, never more than 8 s apart. */
const RETRY: BackoffPolicy = { firstMs: 500, maxMs: 8_000 };

export function createQueueWebhook(deps: QueueWebhookDeps): QueueWebhook {
  const send = deps.fetch ?? fetch;
  const random = deps.random ?? Math.random;
  let queue: Promise<void> = Promise.resolve();
  const wait = (ms: number) => new Promise<void>((resolve) => deps.clock.setTimeout(resolve, ms));

  async function attempt(url: string, policy: z.infer<typeof QueueWebhookPolicy>, body: string) {
    const response = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(policy.timeoutMs),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`the queue answered HTTP ${response.status}`);
  }

  async function deliver(update: QueueUpdate) {
    const { queueWebhook: policy, agentName } = deps.policy();
    if (!policy.url) return deps.onStatus({ state: 'off', error: null });
    const body = JSON.stringify({
      agent: agentName ?? deps.fallbackAgent(),
      state: update.state,
      reason: update.reason,
      until: update.until === null ? null : new Date(update.until).toISOString(),
    });
    deps.onStatus({ state: 'sending', error: null });
    let lastError = '';
    for (let tries = 0; tries <= policy.retries; tries += 1) {
      if (tries > 0) await wait(backoffDelayMs(tries - 1, RETRY, random));
      try {
        await attempt(policy.url, policy, body);
        return deps.onStatus({ state: 'sent', error: null });
      } catch (error) {
        lastError = describeError(error);
        deps.logger.warn({ state: update.state, tries: tries + 1, err: lastError }, 'queue webhook failed');
      }
    }
    deps.onStatus({ state: 'failed', error: `The queue was not told (${lastError}).` });
  }

  return {
    post(update) {
      queue = queue.then(() => deliver(update));
    },
    idle: () => queue,
  };
}
