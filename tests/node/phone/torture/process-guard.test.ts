/**
 * Main's process guard (main/core/process-guard.ts): an error nothing handled is logged and
 * counted and the process keeps running; errors that keep coming raise a notice for the agent.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Notice } from '../../../../preload/contract';
import { installProcessGuard } from '../../../../main/core/process-guard';
import { createLogger } from '../../../../main/logging/logger';
import { collectingDestination } from '../../../support/collecting-destination';

const CHILD = resolve(import.meta.dirname, 'support/guarded-child.ts');

function guarded() {
  const target = new EventEmitter();
  const log = collectingDestination();
  const notices: Notice[] = [];
  let time = 0;
  const guard = installProcessGuard({
    logger: createLogger({ destination: log, level: 'error' }),
    notify: (notice) => notices.push(notice),
    now: () => time,
    process: target as unknown as NodeJS.Process,
  });
  const advance = (ms: number) => (time += ms);
  return { target, log, notices, guard, advance };
}

describe('the process guard', () => {
  it('logs and counts each error, and tells the agent from the third within a minute', () => {
    const { target, log, notices, guard, advance } = guarded();
    target.emit('uncaughtException', new Error('first'));
    advance(1_000);
    target.emit('unhandledRejection', new Error('second'));
    expect(notices).toEqual([]);
    advance(1_000);
    target.emit('uncaughtException', new TypeError('third'));
    expect(notices).toEqual([
      { id: 'unexpected-errors', kind: 'unexpected-errors', severity: 'error', details: { count: '3' } },
    ]);
    target.emit('unhandledRejection', 'not even an Error');
    expect(notices.at(-1)?.details).toEqual({ count: '4' });
    expect(guard.counts()).toEqual({ uncaughtExceptions: 2, unhandledRejections: 2 });
    expect(log.text()).toContain('TypeError: third');
    expect(log.text()).toContain('not even an Error');
  });

  it('stays quiet for errors spread out over time, and lets go when uninstalled', () => {
    const { target, notices, guard, advance } = guarded();
    for (let round = 0; round < 5; round += 1) {
      target.emit('uncaughtException', new Error(`round ${round}`));
      advance(31_000);
    }
    expect(notices).toEqual([]);
    guard.uninstall();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });

  it('keeps a real process running through thrown errors and an unhandled rejection', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(0);
    const report = JSON.parse(output) as { counts: unknown; notices: Notice[] };
    expect(report.counts).toEqual({ uncaughtExceptions: 2, unhandledRejections: 1 });
    expect(report.notices.map((notice) => notice.details.count)).toEqual(['3']);
    expect(errors).toContain('thrown from a timer');
    expect(errors).toContain('rejected, never handled');
  });
});
