/**
 * The recorded warning through the real core and router, with IT's policy from the real policy
 * service (the env source the preview uses) and real recording files: a bad IT file is named and
 * the built-in recording is sent to the window instead; once IT fixes the file, theirs is sent.
 * The window is played by the test through `media:respond`, as the renderer's engine answers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CallState, MediaRequest } from '../../../preload/contract';
import type { Core } from '../../../main/core/create-core';
import { insertCall } from '../../../main/journal/calls';
import { openJournal } from '../../../main/journal/open-journal';
import { warningsForCall } from '../../../main/journal/warnings';
import { silentLogger } from '../../../main/logging/logger';
import { createEnvSource } from '../../../main/policy/file-source';
import { createPolicyService, type PolicyService } from '../../../main/policy/policy-service';
import { monoWav } from '../../../scripts/wav.mjs';
import { createTestCore } from '../../support/test-core';

const ASSETS = resolve(import.meta.dirname, '../../../assets');

let dir: string;
let core: Core;
let policy: PolicyService;
let requests: MediaRequest[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'steadyline-warnings-core-'));
  const itFile = join(dir, 'it-warning.wav');
  writeFileSync(itFile, 'this is not audio');
  policy = await createPolicyService({
    sources: [createEnvSource({ STEADYLINE_POLICY_JSON: JSON.stringify({ WarningRecording: itFile }) })],
    context: { username: 'agent', env: {} },
    logger: silentLogger(),
  });
  core = createTestCore(join(dir, 'data'), 'renderer', { policy, assetsDir: ASSETS });
  requests = [];
  core.events.subscribe((event, payload) => {
    if (event === 'media:request') requests.push(payload as MediaRequest);
  });
});
afterEach(async () => {
  await core.close();
  policy.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A connected call as the phone publishes it; its journal row is made first, as the phone does. */
function connectedCall(): CallState {
  const journal = openJournal({ file: join(dir, 'data', 'journal.sqlite3'), logger: silentLogger() });
  const journalId = insertCall(journal.db, {
    direction: 'inbound',
    remoteUri: 'sip:noa@pbx',
    remoteDisplayName: 'Noa',
    sipCallId: 'cid-1',
    startedAt: Date.now(),
  });
  journal.close();
  const call: CallState = {
    id: 'c1',
    journalId,
    direction: 'inbound',
    state: 'active',
    remote: { uri: 'sip:noa@pbx', displayName: 'Noa' },
    startedAt: Date.now(),
    answeredAt: Date.now(),
    heldByMe: false,
    heldByRemote: false,
    waiting: false,
    endReason: null,
  };
  core.events.publish('phone:call', call);
  return call;
}

/** Plays a warning and answers the window's request as the renderer's engine does. */
async function playAndAnswer(durationMs: number) {
  const playing = core.router.handle('warnings:play', { callId: 'c1', kind: 'warning' });
  await expect.poll(() => requests.filter((request) => request.op === 'warning').length).toBeGreaterThan(0);
  const request = requests.filter((request) => request.op === 'warning').at(-1);
  if (request?.op !== 'warning') throw new Error('no warning request');
  requests = [];
  expect(
    await core.router.handle('media:respond', { requestId: request.requestId, ok: true, durationMs }),
  ).toEqual({
    ok: true,
    value: null,
  });
  return { request, result: await playing };
}

describe('IT’s warning recording through the core', () => {
  it('names a bad file and sends the built-in recording; sends IT’s once it is fixed', async () => {
    const call = connectedCall();
    expect(await core.router.handle('warnings:get', undefined)).toEqual({
      ok: true,
      value: { playing: null, itRecordingProblems: [{ kind: 'warning', reason: 'unknown-format' }] },
    });

    const first = await playAndAnswer(8_000);
    expect(first.request.mime).toBe('audio/wav');
    expect(
      Buffer.from(first.request.audio, 'base64').equals(readFileSync(join(ASSETS, 'warning-en.wav'))),
    ).toBe(true);
    expect(first.result).toMatchObject({
      ok: true,
      value: { playing: { kind: 'warning', source: 'built-in' } },
    });
    expect(await core.router.handle('warnings:stop', { callId: 'c1' })).toMatchObject({
      ok: true,
      value: { playing: null },
    });

    const fixed = monoWav(
      16_000,
      Float64Array.from({ length: 32_000 }, (_, i) => Math.sin(i / 10) / 2),
    );
    writeFileSync(join(dir, 'it-warning.wav'), fixed);
    const second = await playAndAnswer(2_000);
    expect(Buffer.from(second.request.audio, 'base64').equals(fixed)).toBe(true);
    expect(second.result).toMatchObject({ ok: true, value: { playing: { source: 'it' } } });
    expect(await core.router.handle('warnings:get', undefined)).toMatchObject({
      ok: true,
      value: { itRecordingProblems: [] },
    });

    await core.close();
    const journal = openJournal({ file: join(dir, 'data', 'journal.sqlite3'), logger: silentLogger() });
    expect(
      warningsForCall(journal.db, call.journalId).map(({ source, outcome }) => [source, outcome]),
    ).toEqual([
      ['built-in', 'stopped'],
      ['it', 'stopped'],
    ]);
    journal.close();
  });

  it('refuses a warning for a call the phone does not have, and a malformed request', async () => {
    expect(await core.router.handle('warnings:play', { callId: 'nobody', kind: 'warning' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', reason: 'warning.call-gone' },
    });
    expect(await core.router.handle('warnings:play', { callId: 'c1', kind: 'shout' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(requests).toEqual([]);
  });
});
