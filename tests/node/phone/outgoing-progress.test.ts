/**
 * Outgoing calls between dialling and answer, against Kamailio and sipp: 180 and 183 show the call
 * ringing at the other end, the early answer of a 183 is applied to the media at once (ringback and
 * announcements are heard), and 3xx redirects are followed, bounded and loop-safe, or journaled as
 * failed with their status.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { listCalls } from '../../../main/journal/calls';
import type { MediaEngine } from '../../../main/phone/media-engine';
import { MAX_REDIRECTS } from '../../../main/phone/sip/redirects';

import { useCallBed } from './support/call-bed';
import { freePort } from './support/ports';
import { redirectingCalleeScenario, runSipp, scenario } from './support/sipp';

const bed = useCallBed();
/** Every remote answer the media engine was given, with the call's state at that moment. */
const answers: Array<{ callId: string; sdp: string; stateThen: string | undefined }> = [];

/** A sipp callee on 127.0.0.2, and its port (a redirect's Contact can point at it). */
async function callee(scenarioFile: string) {
  const { run, uri } = await bed.callee(scenarioFile);
  return { run, uri, port: Number(uri.split(':').at(-1)) };
}

const statesOf = (id: string) => bed.phone.calls.filter((call) => call.id === id).map((call) => call.state);

beforeAll(() => {
  const media: MediaEngine = bed.phone.media;
  media.setRemoteAnswer = async (callId, sdp) => {
    const stateThen = bed.phone.calls.filter((call) => call.id === callId).at(-1)?.state;
    answers.push({ callId, sdp, stateThen });
  };
});

afterEach(() => {
  answers.length = 0;
  // A failed test must not leave a call that the next dial would put on hold.
  const over = new Set(bed.phone.calls.filter((call) => call.state === 'ended').map((call) => call.id));
  for (const call of bed.phone.calls) if (!over.has(call.id)) bed.phone.phone.hangup(call.id);
});

describe('ringing and early media', () => {
  it('shows a call ringing at the other end on 180, before it is answered', async () => {
    const { run, uri } = await callee(scenario('callee-rings.xml'));
    const dialing = await bed.phone.phone.dial(uri);
    await bed.phone.waitForCall((call) => call.id === dialing.id && call.state === 'active');
    expect(statesOf(dialing.id)).toEqual(['dialing', 'early', 'active']);
    bed.phone.phone.hangup(dialing.id);
    await bed.ended(dialing.id);
    expect((await run.done).exitCode).toBe(0);
  });

  it('applies the 183 early answer to the media before the 200, and only once', async () => {
    const { run, uri } = await callee(scenario('callee-early-media.xml'));
    const dialing = await bed.phone.phone.dial(uri);
    await bed.phone.waitForCall((call) => call.id === dialing.id && call.state === 'active');
    expect(answers).toHaveLength(1);
    // Applied as the 183 arrived, before the 200 (the 'early' state may be published just after:
    // sip.js tells us of a provisional response once its answer is set).
    expect(answers[0]?.callId).toBe(dialing.id);
    expect(['dialing', 'early']).toContain(answers[0]?.stateThen);
    expect(answers[0]?.sdp).toMatch(/^m=audio \d+ RTP\/AVP 0/m);
    bed.phone.phone.hangup(dialing.id);
    expect((await bed.ended(dialing.id)).endReason).toBe('local-hangup');
    expect((await run.done).exitCode).toBe(0);
  });
});

describe('3xx redirects', () => {
  it('follows a 302 to its Contact: the same call connects to the new address', async () => {
    const target = await callee(scenario('callee.xml'));
    const redirector = await callee(redirectingCalleeScenario(`<sip:moved@127.0.0.2:${target.port}>`));
    const dialing = await bed.phone.phone.dial(redirector.uri);
    await bed.phone.waitForCall((call) => call.id === dialing.id && call.state === 'active');
    expect(answers.map((answer) => answer.callId)).toEqual([dialing.id]);
    bed.phone.phone.hangup(dialing.id);
    expect((await bed.ended(dialing.id)).endReason).toBe('local-hangup');
    expect((await redirector.run.done).exitCode).toBe(0);
    expect((await target.run.done).exitCode).toBe(0);
    expect(listCalls(bed.phone.journal, { limit: 1 })[0]).toMatchObject({
      remoteUri: redirector.uri,
      endReason: 'local-hangup',
      sipStatus: null,
    });
  });

  it('does not follow a redirect back to an address already tried: failed, journaled with 302', async () => {
    const port = await freePort();
    const loop = runSipp([
      ...['-sf', redirectingCalleeScenario(`<sip:callee@127.0.0.2:${port}>`), '-i', '127.0.0.2'],
      ...['-p', String(port), '-m', '1', '-timeout', '15s'],
    ]);
    const dialing = await bed.phone.phone.dial(`sip:callee@127.0.0.2:${port}`);
    expect((await bed.ended(dialing.id)).endReason).toBe('failed');
    expect((await loop.done).exitCode).toBe(0);
    expect(listCalls(bed.phone.journal, { limit: 1 })[0]).toMatchObject({
      endReason: 'failed',
      sipStatus: 302,
    });
  });

  it(`follows at most ${MAX_REDIRECTS} redirects, then fails with the 302`, async () => {
    const hops = MAX_REDIRECTS + 1;
    const port = await freePort();
    const chain = runSipp([
      ...['-sf', redirectingCalleeScenario(`<sip:hop[call_number]@127.0.0.2:${port}>`), '-i', '127.0.0.2'],
      ...['-p', String(port), '-m', String(hops), '-timeout', '15s'],
    ]);
    const dialing = await bed.phone.phone.dial(`sip:first@127.0.0.2:${port}`);
    expect((await bed.ended(dialing.id)).endReason).toBe('failed');
    const result = await chain.done;
    expect(result.exitCode).toBe(0);
    expect(listCalls(bed.phone.journal, { limit: 1 })[0]).toMatchObject({
      endReason: 'failed',
      sipStatus: 302,
    });
    expect(bed.phone.phone.liveCalls()).toBe(0);
  });
});
