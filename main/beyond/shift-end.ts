/**
 * "At a shift end IT may set": at IT's `ShiftEndTime` (HH:MM in the agent's time zone), the
 * window is asked once a day to offer the closing screen (shell:closeDay). Only an offer: the
 * agent may close it, and nothing waits on it.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';

import type { Clock } from '../kernel/clock';

export const SHIFT_END_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface ShiftEndDeps {
  clock: Clock;
  timeZone: string;
  /** IT's time (HH:MM) now, or null: no shift end is set. */
  shiftEnd: () => string | null;
  /** Tells that the policy changed (the time is read again). */
  onPolicyChange?: (listener: () => void) => () => void;
  offer: () => void;
}

/** The next HH:MM after `now` in `timeZone` (today's if it is still ahead, else tomorrow's). */
export function nextShiftEnd(now: number, time: string, timeZone: string): number | null {
  if (!SHIFT_END_TIME.test(time)) return null;
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const today = new TZDate(now, timeZone);
  const at = new TZDate(today.getFullYear(), today.getMonth(), today.getDate(), hours, minutes, timeZone);
  return at.getTime() > now ? at.getTime() : addDays(at, 1).getTime();
}

/** Offers the closing screen at each shift end; returns the function that stops it. */
export function offerCloseAtShiftEnd(deps: ShiftEndDeps): () => void {
  let timer: unknown = null;
  const schedule = () => {
    if (timer !== null) deps.clock.clearTimeout(timer);
    timer = null;
    const time = deps.shiftEnd();
    const at = time && nextShiftEnd(deps.clock.now(), time, deps.timeZone);
    if (!at) return;
    timer = deps.clock.setTimeout(() => {
      timer = null;
      deps.offer();
      schedule();
    }, at - deps.clock.now());
  };
  schedule();
  const stopFollowing = deps.onPolicyChange?.(schedule);
  return () => {
    stopFollowing?.();
    if (timer !== null) deps.clock.clearTimeout(timer);
  };
}
