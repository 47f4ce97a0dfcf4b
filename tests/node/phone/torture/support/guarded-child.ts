/**
 * A process with main's process guard that throws twice from timers and leaves a rejection
 * unhandled, then reports what the guard counted and told the agent. It must exit 0 by itself.
 */
import type { Notice } from '../../../../../preload/contract';
import { installProcessGuard } from '../../../../../main/core/process-guard';
import { createLogger } from '../../../../../main/logging/logger';

const notices: Notice[] = [];
const guard = installProcessGuard({
  logger: createLogger({ level: 'error', destination: process.stderr }),
  notify: (notice) => notices.push(notice),
});

setTimeout(() => {
  throw new Error('thrown from a timer');
});
setTimeout(() => {
  void Promise.reject(new Error('rejected, never handled'));
});
setTimeout(() => {
  (JSON.parse('null') as { property: string }).property.toString();
});
setTimeout(() =>
  setImmediate(() => process.stdout.write(`${JSON.stringify({ counts: guard.counts(), notices })}\n`)),
);
