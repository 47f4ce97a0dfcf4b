/**
 * Main's sense of time: timestamps (`now`) and timers, injected into every service so tests
 * advance a fake clock (tests/support/fake-clock.ts) instead of waiting. Call times in the
 * journal, retry delays, keep-alive deadlines, break ends and media-request timeouts all go
 * through it.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Calls `callback` every `ms` on `clock` until the returned function is called (a repeating
 * timer built from one-shot timeouts, so a fake clock drives it too). `background`: the timer
 * alone does not keep Node running (`unref`, where the handle has one).
 */
export function every(
  clock: Clock,
  ms: number,
  callback: () => void,
  { background = false } = {},
): () => void {
  let handle: unknown = null;
  let stopped = false;
  const schedule = () => {
    handle = clock.setTimeout(tick, ms);
    if (background) (handle as { unref?: () => void } | null)?.unref?.();
  };
  const tick = () => {
    if (stopped) return;
    schedule();
    callback();
  };
  schedule();
  return () => {
    stopped = true;
    clock.clearTimeout(handle);
  };
}
