import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { nextShiftEnd } from '../../../main/beyond/shift-end';
import type { EffectivePolicy } from '../../../main/policy/resolve';
import { FakeClock } from '../../support/fake-clock';
import { createTestCore } from '../../support/test-core';

const ZONE = 'Asia/Jerusalem';
const HOUR = 60 * 60 * 1000;
// 09:00 UTC is 11:00 in Jerusalem on 23 Nov 2026 (winter time, UTC+2).
const START = Date.UTC(2026, 10, 23, 9);

/** A policy feed as main/policy/policy-service.ts gives it, changed by the test. */
function policyFeed(time: string | null) {
  const listeners: Array<(policy: EffectivePolicy) => void> = [];
  let current: EffectivePolicy = { entries: {}, problems: [] };
  const set = (next: string | null) => {
    current = {
      entries: next === null ? {} : { ShiftEndTime: { value: next, locked: true, source: 'test' } },
      problems: [],
    };
    for (const listener of listeners) listener(current);
  };
  set(time);
  return {
    feed: {
      current: () => current,
      onChange: (l: (p: EffectivePolicy) => void) => (listeners.push(l), () => undefined),
    },
    set,
  };
}

let dataDir: string;
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  rmSync(dataDir, { recursive: true, force: true });
});

function start(time: string | null) {
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-shift-end-'));
  const clock = new FakeClock(START);
  const policy = policyFeed(time);
  const core = createTestCore(dataDir, undefined, { clock, policy: policy.feed, timeZone: ZONE });
  close = () => core.close();
  const offers: number[] = [];
  core.events.subscribe((event) => event === 'shell:closeDay' && offers.push(clock.now()));
  return { clock, offers, policy };
}

describe('the closing screen at the shift end IT sets', () => {
  it('is offered at that time every day, in the agent’s time zone', async () => {
    const { clock, offers } = start('17:30');
    await clock.advance(6 * HOUR);
    expect(offers).toEqual([]);
    await clock.advance(HOUR);
    // 17:30 in Jerusalem is 15:30 UTC.
    expect(offers).toEqual([Date.UTC(2026, 10, 23, 15, 30)]);
    await clock.advance(24 * HOUR);
    expect(offers).toEqual([Date.UTC(2026, 10, 23, 15, 30), Date.UTC(2026, 10, 24, 15, 30)]);
  });

  it('is never offered without a shift end, and follows IT changing or removing it', async () => {
    const { clock, offers, policy } = start(null);
    await clock.advance(30 * HOUR);
    expect(offers).toEqual([]);
    policy.set('08:00');
    await clock.advance(24 * HOUR);
    expect(offers).toHaveLength(1);
    policy.set(null);
    await clock.advance(48 * HOUR);
    expect(offers).toHaveLength(1);
  });

  it('takes tomorrow’s when today’s has passed, and refuses a malformed time', () => {
    expect(nextShiftEnd(START, '10:00', ZONE)).toBe(Date.UTC(2026, 10, 24, 8));
    expect(nextShiftEnd(START, '11:01', ZONE)).toBe(Date.UTC(2026, 10, 23, 9, 1));
    for (const bad of ['24:00', '7:30', '17:60', '', '17:30:00', "17:30'; --"]) {
      expect(nextShiftEnd(START, bad, ZONE)).toBeNull();
    }
  });
});
