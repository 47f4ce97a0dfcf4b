/**
 * The media engine that asks the window: each operation becomes a `media:request` and waits for
 * the window's `media:respond`, bounded in time. The window here is a test double (no renderer
 * exists in Node); the real window's engine is exercised end to end in tests/e2e/call-audio.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { MediaRequest, MediaResponse } from '../../../preload/contract';
import { createEventHub } from '../../../main/kernel/event-hub';
import { silentLogger } from '../../../main/logging/logger';
import { MEDIA_ANSWER_TIMEOUT_MS, RemoteMediaEngine } from '../../../main/phone/remote-media-engine';
import { systemClock } from '../../../main/kernel/clock';
import { createTestCore } from '../../support/test-core';

const OFFER = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
const ANSWER = OFFER.replace('o=- 1', 'o=- 2');

/** TEST DOUBLE of the window: records what main asks and answers only when the test says so. */
class WindowDouble {
  readonly requests: MediaRequest[] = [];
  readonly engine = new RemoteMediaEngine({
    clock: systemClock,
    send: (request) => this.requests.push(request),
    logger: silentLogger(),
  });

  last(): MediaRequest {
    const request = this.requests.at(-1);
    if (!request) throw new Error('main sent nothing');
    return request;
  }

  answer(response: Omit<Extract<MediaResponse, { ok: true }>, 'requestId' | 'ok'>) {
    return this.engine.respond({ requestId: this.last().requestId, ok: true, ...response });
  }

  fail(error: string) {
    return this.engine.respond({ requestId: this.last().requestId, ok: false, error });
  }
}

let window: WindowDouble;
beforeEach(() => (window = new WindowDouble()));
afterEach(() => vi.useRealTimers());

describe('offers and answers come from the window', () => {
  it('asks for an offer for the call and returns the window’s SDP', async () => {
    const offer = window.engine.createOffer('call-1');
    expect(window.last()).toMatchObject({ op: 'offer', callId: 'call-1', hold: false });
    window.answer({ sdp: OFFER });
    await expect(offer).resolves.toBe(OFFER);
    expect(window.engine.waiting).toBe(0);
  });

  it('passes the remote offer and the hold flag, and each request has its own id', async () => {
    const answer = window.engine.createAnswer('call-1', OFFER, { hold: true });
    const first = window.last();
    expect(first).toMatchObject({ op: 'answer', callId: 'call-1', sdp: OFFER, hold: true });
    window.answer({ sdp: ANSWER, dtmf: true });
    await expect(answer).resolves.toBe(ANSWER);

    const held = window.engine.createOffer('call-1', { hold: true });
    expect(window.last()).toMatchObject({ op: 'offer', hold: true });
    expect(window.last().requestId).not.toBe(first.requestId);
    window.answer({ sdp: OFFER });
    await held;
  });

  it('hands the other side’s answer to the window', async () => {
    const applied = window.engine.setRemoteAnswer('call-1', ANSWER);
    expect(window.last()).toMatchObject({ op: 'remote-answer', callId: 'call-1', sdp: ANSWER });
    window.answer({ dtmf: false });
    await expect(applied).resolves.toBeUndefined();
  });

  it('fails with the window’s reason when it cannot make audio', async () => {
    const offer = window.engine.createOffer('call-1');
    window.fail('NotAllowedError: microphone permission denied');
    await expect(offer).rejects.toThrow(
      'Call audio (offer): the window could not make call audio: NotAllowedError: microphone permission denied',
    );
  });

  it('refuses an offer the window answered without SDP', async () => {
    const offer = window.engine.createOffer('call-1');
    window.answer({});
    await expect(offer).rejects.toThrow('without a session description');
  });
});

describe('keypad tones (sendDtmf answers at once)', () => {
  async function negotiate(dtmf: boolean | undefined) {
    const answer = window.engine.createAnswer('call-1', OFFER);
    window.answer({ sdp: ANSWER, ...(dtmf === undefined ? {} : { dtmf }) });
    await answer;
  }

  it('sends tones in the audio when the window reported RFC 4733 for the call', async () => {
    await negotiate(true);
    expect(window.engine.sendDtmf('call-1', '12#')).toBe(true);
    expect(window.last()).toMatchObject({ op: 'dtmf', callId: 'call-1', tones: '12#' });
  });

  it('says no (so SIP INFO is used) when the window reported no RFC 4733, or nothing yet', async () => {
    expect(window.engine.sendDtmf('call-1', '1')).toBe(false);
    await negotiate(false);
    expect(window.engine.sendDtmf('call-1', '1')).toBe(false);
    expect(window.requests.map((request) => request.op)).toEqual(['answer']);
  });

  it('keeps the last report: a later answer without telephone-event turns it off', async () => {
    await negotiate(true);
    const applied = window.engine.setRemoteAnswer('call-1', ANSWER);
    window.answer({ dtmf: false });
    await applied;
    expect(window.engine.sendDtmf('call-1', '5')).toBe(false);
  });

  it('forgets the call once it is closed', async () => {
    await negotiate(true);
    window.engine.close('call-1');
    expect(window.last()).toMatchObject({ op: 'close', callId: 'call-1' });
    expect(window.engine.sendDtmf('call-1', '1')).toBe(false);
  });
});

describe('a window that does not answer never hangs a call', () => {
  it('fails after the bounded wait with a clear reason, and a late answer is refused', async () => {
    vi.useFakeTimers();
    const offer = window.engine.createOffer('call-1');
    const outcome = expect(offer).rejects.toThrow(
      'Call audio (offer): the window did not answer within 8 s (is it open?)',
    );
    vi.advanceTimersByTime(MEDIA_ANSWER_TIMEOUT_MS);
    await outcome;
    expect(window.engine.waiting).toBe(0);
    expect(() => window.answer({ sdp: OFFER })).toThrow('No media request is waiting');
  });

  it('fails the same way when no window is listening at all', async () => {
    vi.useFakeTimers();
    const events = createEventHub(silentLogger());
    const engine = new RemoteMediaEngine({
      clock: systemClock,
      send: (request) => events.publish('media:request', request),
      logger: silentLogger(),
      timeoutMs: 2_000,
    });
    const answer = engine.createAnswer('call-1', OFFER);
    const outcome = expect(answer).rejects.toThrow('the window did not answer within 2 s');
    vi.advanceTimersByTime(2_000);
    await outcome;
  });

  it('fails at once when the request cannot be sent (an SDP the contract refuses)', async () => {
    const events = createEventHub(silentLogger());
    const engine = new RemoteMediaEngine({
      clock: systemClock,
      send: (request) => events.publish('media:request', request),
      logger: silentLogger(),
    });
    await expect(engine.createAnswer('call-1', 'x'.repeat(70_000))).rejects.toThrow(
      'Call audio (answer): the request could not be sent',
    );
    expect(engine.waiting).toBe(0);
  });

  it('fails what is waiting for a call when the call closes, and everything when the core closes', async () => {
    const first = window.engine.createOffer('call-1');
    const other = window.engine.createOffer('call-2');
    window.engine.close('call-1');
    await expect(first).rejects.toThrow('the call ended');
    window.engine.dispose();
    await expect(other).rejects.toThrow('Steadyline is closing');
    expect(window.engine.waiting).toBe(0);
  });

  it('refuses an answer to a request it never made', () => {
    expect(() => window.engine.respond({ requestId: 'made-up', ok: true, sdp: OFFER })).toThrow(
      'No media request is waiting',
    );
  });
});

describe('through the real core: event out, router in', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'steadyline-media-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const startCore = (media: 'renderer' | RemoteMediaEngine) => createTestCore(dataDir, media);

  it('validates the window’s answer against the contract and refuses unknown ones', async () => {
    const core = startCore('renderer');
    const invalid = await core.router.handle('media:respond', { requestId: 'r1', ok: true, sdp: 42 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await core.router.handle('media:respond', { requestId: 'r1', ok: false, error: 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await core.close();
  });

  it('answers not-found when the core makes its own media (SIP tests)', async () => {
    const core = startCore(window.engine);
    const result = await core.router.handle('media:respond', { requestId: 'r1', ok: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await core.close();
  });
});
