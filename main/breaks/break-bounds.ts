/**
 * The policy's break lengths made coherent: IT may write a floor above the ceiling or a default
 * outside both; the ceiling wins over the floor, and the default sits between them.
 */
import type { RecoveryPolicy } from '../../preload/contract';

export interface BreakBounds {
  floorSeconds: number;
  ceilingSeconds: number;
  defaultSeconds: number;
  extendBySeconds: number;
  longSeconds: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Floor ≤ default ≤ ceiling, and the suggested long break within the ceiling. */
export function breakBounds(policy: RecoveryPolicy): BreakBounds {
  const ceilingSeconds = policy.maximumBreakSeconds;
  const floorSeconds = Math.min(policy.minimumBreakSeconds, ceilingSeconds);
  return {
    floorSeconds,
    ceilingSeconds,
    defaultSeconds: clamp(policy.defaultBreakSeconds, Math.max(floorSeconds, 1), ceilingSeconds),
    extendBySeconds: policy.extendBySeconds,
    longSeconds: clamp(policy.repeatedAbuse.suggestedBreakSeconds, Math.max(floorSeconds, 1), ceilingSeconds),
  };
}
