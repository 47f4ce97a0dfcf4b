/**
 * The heads-up through the real core: sipp calls the agent through Kamailio twice; the agent marks
 * the first call abusive, and the second call from the same caller rings with `markedBefore`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { CallState } from '../../../preload/contract';
import type { Core } from '../../../main/core/create-core';
import { DEFAULT_RECOVERY_POLICY } from '../../../main/settings/recovery-settings';
import { createTestCore } from '../../support/test-core';
import { createKamailio, TESTBED_PASSWORD, type Kamailio } from '../phone/support/kamailio';
import { callUser, scenario } from '../phone/support/sipp';

const USER = 'headsupagent';

let kamailio: Kamailio;
let core: Core;
let dataDir: string;

/** Every call state main published, in order; tests wait for the one they need. */
const published: CallState[] = [];
const seen = (match: (call: CallState) => boolean) =>
  vi.waitFor(
    () => {
      const found = published.find(match);
      if (!found) throw new Error('not published yet');
      return found;
    },
    { timeout: 20_000, interval: 20 },
  );

beforeAll(async () => {
  kamailio = await createKamailio();
  await kamailio.start();
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-heads-up-'));
  // No break floor, so the test can end the break the mark starts and take the second call.
  const recoveryPolicy = { ...DEFAULT_RECOVERY_POLICY, minimumBreakSeconds: 0 };
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ settingsVersion: 2, recoveryPolicy }));
  core = createTestCore(dataDir);
  core.events.subscribe((event, payload) => event === 'phone:call' && published.push(payload as CallState));
  const registered = nextRegistered();
  await core.router.handle('settings:saveAccount', {
    serverUrl: kamailio.wsUrl,
    sipUser: USER,
    domain: '127.0.0.1',
    authUser: '',
    password: TESTBED_PASSWORD,
    displayName: 'Agent',
  });
  await registered;
});

function nextRegistered() {
  return new Promise<void>((resolve) =>
    core.events.subscribe((event, payload) => {
      if (event === 'phone:registration' && (payload as { state: string }).state === 'registered') resolve();
    }),
  );
}

afterAll(async () => {
  await core?.close();
  await kamailio?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** sipp (From: sip:sipp@127.0.0.1:<a new port each time>) calls; the agent answers; returns the ringing state. */
async function answeredCall() {
  const before = new Set(published.map((call) => call.id));
  const caller = await callUser(USER, kamailio.udpPort, scenario('caller.xml'), ['-d', '300']);
  const rang = await seen((call) => call.state === 'ringing' && !before.has(call.id));
  const ended = seen((call) => call.id === rang.id && call.state === 'ended');
  expect(await core.router.handle('phone:answer', { callId: rang.id })).toMatchObject({ ok: true });
  return { rang, caller, ended };
}

describe('a caller marked abusive before calls again', () => {
  it('the first call has no heads-up; after the agent marks it, the second one does', async () => {
    const first = await answeredCall();
    expect(first.rang.markedBefore).toBeNull();
    const marked = await core.router.handle('marks:add', { callId: first.rang.id, kind: 'abusive' });
    expect(marked, JSON.stringify(marked)).toMatchObject({ ok: true });
    expect((await first.caller.done).exitCode).toBe(0);
    await first.ended;
    expect(await core.router.handle('breaks:end', undefined)).toMatchObject({ ok: true });
    expect(await core.router.handle('reflections:skip', undefined)).toMatchObject({ ok: true });

    const second = await answeredCall();
    expect(second.rang.markedBefore).toEqual({ at: expect.any(Number) });
    expect(second.rang.markedBefore?.at).toBeGreaterThanOrEqual(first.rang.startedAt);
    expect(second.rang.markedBefore?.at).toBeLessThanOrEqual(second.rang.startedAt);
    expect((await second.caller.done).exitCode).toBe(0);
    await second.ended;
  });
});
