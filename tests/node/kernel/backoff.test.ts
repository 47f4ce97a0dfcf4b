import { describe, expect, it } from 'vitest';

import { backoffDelayMs, MAX_RETRY_SECONDS, retryDelaySeconds } from '../../../main/kernel/backoff';

describe('retry backoff', () => {
  it('retries fast first, then doubles, capped at 30 s', () => {
    const middle = () => 0.5; // no jitter
    expect([0, 1, 2, 3, 4, 5, 6, 7, 10].map((attempt) => retryDelaySeconds(attempt, middle))).toEqual([
      0.5, 1, 2, 4, 8, 16, 30, 30, 30,
    ]);
  });

  it('spreads retries by ±20 % so phones do not reconnect in step, never above the cap', () => {
    expect(retryDelaySeconds(3, () => 0)).toBeCloseTo(3.2);
    expect(retryDelaySeconds(3, () => 1)).toBeCloseTo(4.8);
    expect(retryDelaySeconds(20, () => 1)).toBe(MAX_RETRY_SECONDS);
  });

  it('takes any first delay and cap (the queue webhook: 0.5 s up to 8 s)', () => {
    const policy = { firstMs: 500, maxMs: 8_000 };
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, policy, () => 0.5))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 8_000,
    ]);
    expect(backoffDelayMs(1, policy, () => 0)).toBe(800);
  });
});
