/**
 * The reflection on offer survives a restart of the real core (real journal and settings files,
 * the fake clock): offered again for the newest break that ended within 12 h and was neither saved
 * nor skipped, without pausing the phone again for the wrap-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../../main/core/create-core';
import { REFLECTION_OFFER_MS } from '../../../main/breaks/recovery-service';
import type { RecoveryState } from '../../../preload/contract';
import { FakeClock } from '../../support/fake-clock';
import { createTestCore } from '../../support/test-core';

import { activeOf, startHarness } from './support/recovery-harness';

const SECOND = 1000;
let dataDir: string;
let core: Core | null = null;

afterEach(async () => {
  await core?.close();
  core = null;
  rmSync(dataDir, { recursive: true, force: true });
});

function start(clock = new FakeClock()) {
  core = createTestCore(dataDir, undefined, { clock });
  return clock;
}

/** Closes the core and starts another on the same files, `afterMs` later. */
async function restart(clock: FakeClock, afterMs: number) {
  await core?.close();
  return start(new FakeClock(clock.now() + afterMs));
}

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  if (!core) throw new Error('no core running');
  const handle = core.router.handle as (c: string, p: unknown) => Promise<{ ok: boolean; value?: T }>;
  const result = await handle(channel, payload);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`);
  return result.value as T;
}

const recovery = () => call<RecoveryState>('breaks:get');

/** A manual break of the default 90 s, run to its end: its reflection is on offer. */
async function breakRunToItsEnd(clock: FakeClock) {
  const started = await call<RecoveryState>('breaks:start');
  const breakId = started.active?.id;
  await clock.advance(90 * SECOND);
  expect(await recovery()).toMatchObject({ active: null, reflection: { breakId } });
  expect(await call('phone:getAvailability')).toBe('break');
  return breakId as number;
}

describe('the reflection on offer after a restart', () => {
  it('is offered again for the break that just ended, and the phone is not paused for it', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'steadyline-reflection-restart-'));
    const clock = start();
    const breakId = await breakRunToItsEnd(clock);
    // Restarted 10 s later, well inside the wrap-up (the ceiling is 600 s from the break's start).
    const later = await restart(clock, 10 * SECOND);
    expect(await recovery()).toMatchObject({ active: null, reflection: { breakId, callId: null } });
    expect(await call('phone:getAvailability')).toBe('available');
    await later.advance(600 * SECOND);
    expect(await call('phone:getAvailability')).toBe('available');
    expect((await recovery()).reflection).toMatchObject({ breakId });
  });

  it('is not offered again once skipped, before or after a restart', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'steadyline-reflection-restart-'));
    const clock = start();
    await breakRunToItsEnd(clock);
    expect((await call<RecoveryState>('reflections:skip')).reflection).toBeNull();
    expect(await call('phone:getAvailability')).toBe('available');
    let later = await restart(clock, 10 * SECOND);
    expect((await recovery()).reflection).toBeNull();

    // Skipped after a restart: recorded too.
    const second = await breakRunToItsEnd(later);
    later = await restart(later, SECOND);
    expect((await recovery()).reflection).toMatchObject({ breakId: second });
    await call('reflections:skip');
    await restart(later, SECOND);
    expect((await recovery()).reflection).toBeNull();
  });

  it('is not offered again once saved', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'steadyline-reflection-restart-'));
    const clock = start();
    const breakId = await breakRunToItsEnd(clock);
    const saved = await call<RecoveryState>('reflections:save', { breakId, mood: 3, difficulty: 4 });
    expect(saved.reflection).toBeNull();
    await restart(clock, 10 * SECOND);
    expect((await recovery()).reflection).toBeNull();
  });

  it('is not offered for a break that ended more than 12 h before the restart', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'steadyline-reflection-restart-'));
    const clock = start();
    const breakId = await breakRunToItsEnd(clock);
    const justInTime = await restart(clock, REFLECTION_OFFER_MS);
    expect((await recovery()).reflection).toMatchObject({ breakId });
    await restart(justInTime, SECOND);
    expect((await recovery()).reflection).toBeNull();
    expect(REFLECTION_OFFER_MS).toBe(12 * 60 * 60 * SECOND);
  });

  it('is not offered for an older break when a newer one was skipped, nor during a running break', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'steadyline-reflection-restart-'));
    const clock = start();
    await breakRunToItsEnd(clock);
    await clock.advance(600 * SECOND);
    await breakRunToItsEnd(clock);
    await call('reflections:skip');
    const later = await restart(clock, SECOND);
    expect((await recovery()).reflection).toBeNull();

    const running = await call<RecoveryState>('breaks:start');
    await restart(later, 5 * SECOND);
    expect(await recovery()).toMatchObject({ active: { id: running.active?.id }, reflection: null });
    expect(await call('phone:getAvailability')).toBe('break');
  });

  it('is not offered for a break taken back with its mark (recorded as skipped)', async () => {
    const h = startHarness();
    dataDir = h.dataDir;
    const call = h.connect('call-1');
    h.hangUp(call);
    const receipt = h.recovery.mark({ callId: call.id, kind: 'abusive', categories: ['insults'] });
    const { id } = activeOf(h.recovery.state());
    await h.clock.advance(3 * SECOND);
    h.recovery.undoMark(receipt.markId);
    expect(h.recovery.state()).toMatchObject({ active: null, reflection: null });
    const after = h.restart(SECOND);
    expect(after.recovery.state().reflection).toBeNull();
    const row = after.journal.db.prepare('SELECT reflection_skipped_at FROM breaks WHERE id = ?').get(id);
    expect(row).toEqual({ reflection_skipped_at: after.clock.now() - SECOND });
    after.recovery.close();
    after.journal.close();
  });
});
