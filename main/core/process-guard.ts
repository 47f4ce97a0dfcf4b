/**
 * The last line of defence for main: an exception nothing caught, or a promise rejection nobody
 * handled, is logged and counted, and the process keeps running (in Electron, exiting would close
 * the whole app mid-shift). Errors that keep coming are not passed over in silence: once
 * `loopThreshold` arrive within `loopWindowMs`, the agent is told (a notice, updated with the
 * count as more arrive). Plain Node: the Electron shell and the browser preview both install it.
 */
import type { Notice } from '../../preload/contract';
import type { Logger } from '../logging/logger';

type ProcessEvents = Pick<NodeJS.Process, 'on' | 'off'>;

export interface ProcessGuardOptions {
  logger: Logger;
  /** Tells the agent that errors keep coming (the core's notice board). */
  notify(notice: Notice): void;
  now?: () => number;
  /** The process to guard (a test passes an EventEmitter). */
  process?: ProcessEvents;
  loopThreshold?: number;
  loopWindowMs?: number;
}

export interface ProcessGuard {
  /** Errors caught since install: uncaught exceptions and unhandled rejections. */
  counts(): { uncaughtExceptions: number; unhandledRejections: number };
  uninstall(): void;
}

export const NOTICE_ID = 'unexpected-errors';
const DEFAULT_THRESHOLD = 3;
const DEFAULT_WINDOW_MS = 60_000;

export function installProcessGuard(options: ProcessGuardOptions): ProcessGuard {
  const target = options.process ?? process;
  const now = options.now ?? Date.now;
  const threshold = options.loopThreshold ?? DEFAULT_THRESHOLD;
  const windowMs = options.loopWindowMs ?? DEFAULT_WINDOW_MS;
  const counts = { uncaughtExceptions: 0, unhandledRejections: 0 };
  let recent: number[] = [];

  function caught(kind: keyof typeof counts, error: unknown) {
    counts[kind] += 1;
    const at = now();
    recent = [...recent.filter((time) => at - time < windowMs), at];
    const total = counts.uncaughtExceptions + counts.unhandledRejections;
    options.logger.error(
      { kind, total, error: error instanceof Error ? error.stack : String(error) },
      'main caught an error nothing else handled; still running',
    );
    if (recent.length < threshold) return;
    options.logger.error({ inLastWindow: recent.length, windowMs }, 'errors keep coming: telling the agent');
    options.notify({
      id: NOTICE_ID,
      kind: 'unexpected-errors',
      severity: 'error',
      details: { count: String(total) },
    });
  }

  const onException = (error: unknown) => caught('uncaughtExceptions', error);
  const onRejection = (reason: unknown) => caught('unhandledRejections', reason);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return {
    counts: () => ({ ...counts }),
    uninstall() {
      target.off('uncaughtException', onException);
      target.off('unhandledRejection', onRejection);
    },
  };
}
