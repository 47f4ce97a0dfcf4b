/**
 * Wrap-up: after a break, the phone stays paused while the agent is in the reflection, up to the
 * policy's ceiling counted from the break's start. It becomes available when the agent saves or
 * skips the reflection, or when the ceiling is reached (the reflection stays on offer and the
 * window keeps the draft; a call that rings then shows its card above it).
 */
import type { Clock } from '../kernel/clock';

import type { RestoredAvailability } from '../journal/breaks';

import type { AvailabilityKeeper } from './availability-keeper';
import type { QueueWebhook } from './queue-webhook';

export interface WrapUpDeps {
  clock: Clock;
  availability: AvailabilityKeeper;
  queue: Pick<QueueWebhook, 'post'>;
  onChanged(): void;
}

export interface WrapUp {
  /** The break is over: keep the phone paused until `until` (ms, main's clock), or release it now. */
  begin(until: number, restore: RestoredAvailability): void;
  /** The reflection was saved or skipped: the phone goes back to the agent's choice. */
  finish(): void;
  /** A new break takes over: forget the wrap-up without releasing the phone. */
  supersede(): void;
  /** When the wrap-up ends, or null when there is none. */
  until(): number | null;
  stop(): void;
}

export function createWrapUp(deps: WrapUpDeps): WrapUp {
  const { clock } = deps;
  let until: number | null = null;
  let timer: unknown = null;

  const clear = () => {
    clock.clearTimeout(timer);
    timer = null;
    until = null;
  };

  function release() {
    clear();
    const restored = deps.availability.releaseBreak();
    deps.queue.post(
      restored === 'available'
        ? { state: 'available', reason: 'break-ended', until: null }
        : { state: 'paused', reason: 'do-not-disturb', until: null },
    );
    deps.onChanged();
  }

  return {
    begin(end, restore) {
      clear();
      const leftMs = end - clock.now();
      if (leftMs < 1000) return release();
      until = end;
      deps.availability.holdBreak(leftMs / 1000, restore);
      deps.queue.post({ state: 'paused', reason: 'recovery-break', until: end });
      timer = clock.setTimeout(release, leftMs);
    },
    finish() {
      if (until !== null) release();
    },
    supersede: clear,
    until: () => until,
    stop: () => clock.clearTimeout(timer),
  };
}
