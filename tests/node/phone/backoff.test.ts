import { describe, expect, it } from 'vitest';

import { MAX_RETRY_SECONDS, retryDelaySeconds } from '../../../main/phone/backoff';

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
});
