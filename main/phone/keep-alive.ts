/**
 * Notices a half-dead connection: a socket that still looks open while the server (or a NAT, or
 * a laptop that slept) no longer answers. Every interval the server is asked something (an
 * OPTIONS); no answer within the timeout means the connection is dead.
 */
import type { Clock } from '../kernel/clock';
import { describeError } from '../kernel/describe-error';

export interface KeepAliveOptions {
  intervalSeconds: number;
  timeoutSeconds: number;
}

/** A dead connection is noticed within 25 s (interval + timeout). */
export const DEFAULT_KEEP_ALIVE: KeepAliveOptions = { intervalSeconds: 15, timeoutSeconds: 10 };

export interface KeepAlive {
  /** Probes at once (after the machine wakes up or the network changes). */
  checkNow(): void;
  stop(): void;
}

export interface KeepAliveDeps {
  clock: Clock;
  options: KeepAliveOptions;
  /** Resolves when the server answers anything; rejects when the request cannot be sent. */
  ping: () => Promise<void>;
  onDead: (reason: string) => void;
}

export function startKeepAlive({ clock, options, ping, onDead }: KeepAliveDeps): KeepAlive {
  let next: unknown = null;
  let deadline: unknown = null;
  let stopped = false;

  const clear = () => {
    if (next !== null) clock.clearTimeout(next);
    if (deadline !== null) clock.clearTimeout(deadline);
    next = deadline = null;
  };
  const dead = (reason: string) => {
    if (stopped) return;
    stopped = true;
    clear();
    onDead(reason);
  };
  const schedule = () => {
    if (!stopped) next = clock.setTimeout(probe, options.intervalSeconds * 1000);
  };

  function probe() {
    next = null;
    const timeout = clock.setTimeout(
      () => dead(`The server did not answer for ${options.timeoutSeconds} s.`),
      options.timeoutSeconds * 1000,
    );
    deadline = timeout;
    ping().then(
      () => {
        if (deadline !== timeout || stopped) return;
        clock.clearTimeout(timeout);
        deadline = null;
        schedule();
      },
      (error: unknown) => deadline === timeout && dead(describeError(error)),
    );
  }

  schedule();
  return {
    checkNow() {
      if (stopped || deadline !== null) return;
      clear();
      probe();
    },
    stop() {
      stopped = true;
      clear();
    },
  };
}
