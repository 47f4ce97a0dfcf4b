/**
 * The window's media engine under real SIP: sipp calls the agent through Kamailio, the real core
 * (sip.js in Node) answers, and the media requests go to a window. The window is a TEST DOUBLE
 * here (Node has no WebRTC): it stays silent, refuses, or answers with plain SDP. The real window
 * is exercised in tests/e2e/call-audio.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { CallState, MediaRequest } from '../../../preload/contract';
import type { Core } from '../../../main/core/create-core';
import { silentLogger } from '../../../main/logging/logger';
import { RemoteMediaEngine } from '../../../main/phone/remote-media-engine';
import { systemClock } from '../../../main/kernel/clock';
import { SdpOnlyMediaEngine } from '../../../main/phone/sdp-only-media-engine';
import { createTestCore } from '../../support/test-core';

import { createKamailio, TESTBED_PASSWORD, type Kamailio } from './support/kamailio';
import { callUser, refusedCallerScenario, scenario } from './support/sipp';

const USER = 'mediaagent';
type WindowMode = 'silent' | 'refuses' | 'answers';

let kamailio: Kamailio;
let core: Core;
let dataDir: string;
let mode: WindowMode;
let requests: MediaRequest[];
const calls: CallState[] = [];
const sdpMaker = new SdpOnlyMediaEngine();

const media = new RemoteMediaEngine({
  clock: systemClock,
  send: (request) => {
    requests.push(request);
    queueMicrotask(() => windowDouble(request));
  },
  logger: silentLogger(),
  timeoutMs: 500,
});

/** TEST DOUBLE of the window's WebRTC engine. */
async function windowDouble(request: MediaRequest) {
  if (mode === 'silent') return;
  if (mode === 'refuses') {
    media.respond({ requestId: request.requestId, ok: false, error: 'NotFoundError: no microphone' });
  } else if (request.op === 'answer') {
    const sdp = await sdpMaker.createAnswer(request.callId, request.sdp);
    media.respond({ requestId: request.requestId, ok: true, sdp, dtmf: true });
  } else {
    media.respond({ requestId: request.requestId, ok: true });
  }
}

const callAgent = (scenarioFile: string, extra: string[] = []) =>
  callUser(USER, kamailio.udpPort, scenarioFile, extra);

function nextCall(match: (call: CallState) => boolean): Promise<CallState> {
  return new Promise((resolve) => {
    const stop = core.events.subscribe((event, payload) => {
      if (event !== 'phone:call' || !match(payload as CallState)) return;
      stop();
      resolve(payload as CallState);
    });
  });
}

beforeAll(async () => {
  kamailio = await createKamailio();
  await kamailio.start();
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-media-calls-'));
  core = createTestCore(dataDir, media);
  core.events.subscribe((event, payload) => {
    if (event === 'phone:call') calls.push(payload as CallState);
  });
  const registered = new Promise<void>((resolve) =>
    core.events.subscribe((event, payload) => {
      if (event === 'phone:registration' && (payload as { state: string }).state === 'registered') resolve();
    }),
  );
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

beforeEach(() => {
  requests = [];
});

afterAll(async () => {
  await core?.close();
  await kamailio?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** sipp calls, the agent answers when it rings; resolves with how the call ended in main. */
async function answeredCall(scenarioFile: string, extra: string[] = []) {
  const ringing = nextCall((call) => call.state === 'ringing');
  const caller = await callAgent(scenarioFile, extra);
  const { id } = await ringing;
  const ended = nextCall((call) => call.id === id && call.state === 'ended');
  expect(await core.router.handle('phone:answer', { callId: id })).toMatchObject({ ok: true });
  return { caller: await caller.done, ended: await ended };
}

describe('a call the window cannot give audio to fails cleanly', () => {
  it('a window that never answers: the caller gets 480, the call ends as failed', async () => {
    mode = 'silent';
    const { caller, ended } = await answeredCall(refusedCallerScenario(480, false));
    expect(caller.exitCode, caller.output).toBe(0);
    expect(ended.endReason).toBe('failed');
    expect(requests.map((request) => request.op)).toEqual(['answer', 'close']);
    await vi.waitFor(() => expect(media.waiting).toBe(0), { timeout: 5_000 });
  });

  it('a window without a microphone: the caller gets 480 at once', async () => {
    mode = 'refuses';
    const { caller, ended } = await answeredCall(refusedCallerScenario(480, false));
    expect(caller.exitCode, caller.output).toBe(0);
    expect(ended.endReason).toBe('failed');
  });
});

describe('a window that answers', () => {
  it('connects the call with the window’s SDP and closes its audio when the caller hangs up', async () => {
    mode = 'answers';
    const { caller, ended } = await answeredCall(scenario('caller.xml'), ['-d', '300']);
    expect(caller.exitCode, caller.output).toBe(0);
    expect(ended).toMatchObject({ endReason: 'remote-hangup' });
    expect(ended.answeredAt).not.toBeNull();
    expect(requests.map((request) => request.op)).toEqual(['answer', 'close']);
    expect(requests[0]).toMatchObject({ op: 'answer', hold: false });
    expect((requests[0] as { sdp: string }).sdp).toContain('m=audio');
  });
});
