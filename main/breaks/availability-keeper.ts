/**
 * Keeps apart what the agent chose (available or do-not-disturb) and the break that overrides it,
 * so a break ends by going back to the agent's choice, and a choice made during a break waits
 * for the break to end instead of cutting it short.
 */
import type { Availability } from '../../preload/contract';
import type { PhoneService } from '../phone/phone-service';

import type { RestoredAvailability } from '../journal/breaks';

export interface AvailabilityKeeper {
  /** The agent's own choice (phone:setAvailability). During a break it applies when the break ends. */
  choose(availability: Availability, retryAfterSeconds?: number): Availability;
  /** What the phone goes back to after a break. */
  chosen(): RestoredAvailability;
  /** The phone refuses calls (480 with Retry-After) for this many seconds from now. */
  holdBreak(seconds: number, restore: RestoredAvailability): void;
  /** The break is over: back to the agent's choice. */
  releaseBreak(): RestoredAvailability;
  onBreak(): boolean;
}

export function createAvailabilityKeeper(phone: Pick<PhoneService, 'setAvailability'>): AvailabilityKeeper {
  let chosen: RestoredAvailability = 'available';
  let onBreak = false;
  return {
    choose(availability, retryAfterSeconds) {
      if (availability === 'break') return phone.setAvailability('break', retryAfterSeconds);
      chosen = availability;
      if (onBreak) return 'break';
      return phone.setAvailability(availability);
    },
    chosen: () => chosen,
    holdBreak(seconds, restore) {
      chosen = restore;
      onBreak = true;
      phone.setAvailability('break', Math.max(1, Math.ceil(seconds)));
    },
    releaseBreak() {
      onBreak = false;
      phone.setAvailability(chosen);
      return chosen;
    },
    onBreak: () => onBreak,
  };
}
