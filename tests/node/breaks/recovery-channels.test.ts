/**
 * The recovery channels through the real core's router (real journal and settings files): typed
 * refusals the window shows as they are, and a break started from the window reaching the journal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../../main/core/create-core';
import { createTestCore } from '../../support/test-core';

let dataDir: string;
let core: Core;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-recovery-channels-'));
  core = createTestCore(dataDir);
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('recovery channels', () => {
  it('refuses, in words, to mark a call it does not know or delete a missing entry', async () => {
    expect(await core.router.handle('marks:add', { callId: 'gone', kind: 'proud' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That call can no longer be marked.', reason: 'mark.call-gone' },
    });
    expect(await core.router.handle('journal:deleteEntry', { kind: 'reflection', id: 42 })).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: 'That entry is not in your journal (or the break is still running).',
      },
    });
    expect(await core.router.handle('breaks:end', undefined)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no break running.', reason: 'break.none' },
    });
  });

  it('starts a break from the window, refuses a second one, and lists it in the timeline', async () => {
    const started = await core.router.handle('breaks:start', undefined);
    expect(started).toMatchObject({ ok: true, value: { active: { trigger: 'manual' } } });
    expect(await core.router.handle('breaks:start', undefined)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'A break is already running.', reason: 'break.running' },
    });
    expect(await core.router.handle('phone:setAvailability', { availability: 'dnd' })).toEqual({
      ok: true,
      value: 'break',
    });
    // Too early to end: the reason and its figure travel, for the window to say it in the agent's language.
    expect(await core.router.handle('breaks:end', undefined)).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'break.too-early', params: { seconds: expect.any(Number) } },
    });
    const timeline = await core.router.handle('journal:timeline', { filter: 'breaks' });
    expect(timeline).toMatchObject({
      ok: true,
      value: [{ kind: 'break', trigger: 'manual', endedHow: null }],
    });
  });
});
