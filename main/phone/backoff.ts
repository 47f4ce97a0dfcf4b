/**
 * When to try the server again: fast at first, then doubling, capped at 30 s, with ±20 % jitter
 * so a call center's phones don't all hit a restarted PBX in the same instant.
 */
export const FIRST_RETRY_SECONDS = 0.5;
export const MAX_RETRY_SECONDS = 30;

export function retryDelaySeconds(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** attempt);
  const jitter = 0.8 + random() * 0.4;
  return Math.min(MAX_RETRY_SECONDS, base * jitter);
}
