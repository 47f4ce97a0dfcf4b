/**
 * How long to wait before trying again: doubling from a first delay, capped, with ±20 % jitter so
 * a call center's phones (or posts to one queue) don't all retry in the same instant.
 */
export interface BackoffPolicy {
  firstMs: number;
  maxMs: number;
}

/** Delay before retry number `attempt` (0 = the first retry). `random` is injected for tests. */
export function backoffDelayMs(
  attempt: number,
  { firstMs, maxMs }: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const base = Math.min(maxMs, firstMs * 2 ** attempt);
  const jitter = 0.8 + random() * 0.4;
  return Math.min(maxMs, base * jitter);
}

/** The phone's registration retries (and the summary outbox's): fast at first, capped at 30 s. */
export const FIRST_RETRY_SECONDS = 0.5;
export const MAX_RETRY_SECONDS = 30;

export function retryDelaySeconds(attempt: number, random: () => number = Math.random): number {
  return (
    backoffDelayMs(
      attempt,
      { firstMs: FIRST_RETRY_SECONDS * 1000, maxMs: MAX_RETRY_SECONDS * 1000 },
      random,
    ) / 1000
  );
}
