import { describe, expect, it } from 'vitest';

import { every, systemClock } from '../../../main/kernel/clock';
import { FakeClock } from '../../support/fake-clock';

describe('every', () => {
  it('calls back once per interval on the clock it is given, until stopped', async () => {
    const clock = new FakeClock();
    let ticks = 0;
    const stop = every(clock, 1_000, () => (ticks += 1));
    await clock.advance(999);
    expect(ticks).toBe(0);
    await clock.advance(1);
    expect(ticks).toBe(1);
    await clock.advance(3_000);
    expect(ticks).toBe(4);
    stop();
    expect(clock.pending).toBe(0);
    await clock.advance(10_000);
    expect(ticks).toBe(4);
  });

  it('schedules the next tick before calling back, so a callback that throws does not stop it', async () => {
    const clock = new FakeClock();
    let ticks = 0;
    every(clock, 100, () => {
      ticks += 1;
      if (ticks === 1) throw new Error('checkpoint failed');
    });
    await expect(clock.advance(100)).rejects.toThrow('checkpoint failed');
    expect(clock.pending).toBe(1);
    await clock.advance(100);
    expect(ticks).toBe(2);
  });

  it('in the background, leaves Node free to exit (the system timer is unref’d)', () => {
    const handles: Array<{ hasRef(): boolean }> = [];
    const recording = {
      ...systemClock,
      setTimeout: (callback: () => void, ms: number) => {
        const handle = systemClock.setTimeout(callback, ms) as NodeJS.Timeout;
        handles.push(handle);
        return handle;
      },
    };
    const stop = every(recording, 60_000, () => undefined, { background: true });
    expect(handles[0]?.hasRef()).toBe(false);
    stop();
  });
});
