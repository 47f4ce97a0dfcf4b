/**
 * Notices the two moments a phone's connection is most likely dead without the socket saying so:
 * the machine woke up from sleep (a timer fires far later than it was due) and the network
 * changed (another address, Wi-Fi to cable, a VPN). Either way the registration is checked at
 * once instead of waiting for the next keep-alive. Plain Node, so it works in tests and in
 * Electron; the shell adds Electron's powerMonitor `resume` on top.
 */
import { networkInterfaces } from 'node:os';

import type { Clock } from '../kernel/clock';

export type ConnectivityChange = 'resumed' | 'network-changed';

export interface ConnectivityWatchDeps {
  clock: Clock;
  onChange: (change: ConnectivityChange) => void;
  /** A string that changes when the machine's addresses change. */
  networkFingerprint?: () => string;
  intervalMs?: number;
}

const DEFAULT_INTERVAL_MS = 5_000;
/** A tick this much later than due means the process was not running: the machine slept. */
const SLEEP_GAP_MS = 10_000;

export function watchConnectivity(deps: ConnectivityWatchDeps): { stop(): void } {
  const { clock, onChange } = deps;
  const fingerprint = deps.networkFingerprint ?? externalAddresses;
  const intervalMs = deps.intervalMs ?? DEFAULT_INTERVAL_MS;
  let lastTick = clock.now();
  let lastNetwork = fingerprint();
  let timer: unknown = null;

  function tick() {
    const now = clock.now();
    const network = fingerprint();
    if (now - lastTick > intervalMs + SLEEP_GAP_MS) onChange('resumed');
    else if (network !== lastNetwork) onChange('network-changed');
    lastTick = now;
    lastNetwork = network;
    timer = clock.setTimeout(tick, intervalMs);
  }

  timer = clock.setTimeout(tick, intervalMs);
  return {
    stop() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}

/** The machine's non-loopback addresses, sorted, as one string. */
export function externalAddresses(): string {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal)
    .map((address) => address?.address)
    .sort()
    .join(',');
}
