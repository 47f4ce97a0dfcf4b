/**
 * A PBX restart in the middle of a call, against a real Kamailio killed (SIGKILL) and started
 * again, with sipp as the customer: the connected call is not ended when the WebSocket drops; the
 * phone reconnects, registers again and refreshes the call with a re-INVITE through the new
 * connection. A customer that takes it stays in the call (our later BYE reaches them); one whose
 * dialog is gone (481) gets a BYE at once, and the call is journaled as transport-lost.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { listCalls } from '../../../main/journal/calls';
import type { MediaEngine } from '../../../main/phone/media-engine';

import { useCallBed, USER } from './support/call-bed';
import { freePort } from './support/ports';
import { runSipp, scenario } from './support/sipp';

const bed = useCallBed();
/** Resolves once the media engine has been given `count` remote answers in all. */
let answersSeen = 0;
const answerWaiters: Array<{ count: number; resolve: () => void }> = [];
const answers = (count: number) =>
  new Promise<void>((resolve) => (answersSeen >= count ? resolve() : answerWaiters.push({ count, resolve })));

async function customer(file: string) {
  const port = await freePort();
  const messages = join(mkdtempSync(join(tmpdir(), 'steadyline-sipp-trace-')), 'messages.log');
  const args = ['-sf', scenario(file), '-i', '127.0.0.2', '-p', String(port), '-m', '1'];
  const trace = ['-trace_msg', '-message_file', messages];
  return {
    run: runSipp([...args, ...trace, '-timeout', '25s'], 30_000),
    uri: `sip:customer@127.0.0.2:${port}`,
    /** Resolves once the customer has received our ACK: the call is set up at their end too. */
    acked: () =>
      until(() => existsSync(messages) && /^ACK sip:/m.test(readFileSync(messages, 'utf8')), 'ACK at sipp'),
  };
}

/** Resolves when `check` holds, polled every 20 ms for up to 10 s (`what` names it on failure). */
function until(check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (!check()) return;
      clearInterval(timer);
      clearTimeout(guard);
      resolve();
    }, 20);
    const guard = setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`no ${what} within 10 s; states ${JSON.stringify(bed.phone.states.slice(-3))}`));
    }, 10_000);
  });
}

const statesOf = (id: string) => bed.phone.calls.filter((call) => call.id === id).map((call) => call.state);
const ended = (id: string) =>
  bed.phone.waitForCall((call) => call.id === id && call.state === 'ended', 15_000);

/** Kills Kamailio mid-call and starts it again; resolves once the phone registered again. */
async function restartPbx() {
  const registersBefore = bed.kamailio.registerCount(USER);
  await bed.kamailio.stop();
  await bed.kamailio.start();
  await until(() => bed.kamailio.registerCount(USER) > registersBefore, 'REGISTER after the restart');
}

beforeAll(() => {
  const media: MediaEngine = bed.phone.media;
  media.setRemoteAnswer = async () => {
    answersSeen += 1;
    for (const waiter of answerWaiters.filter((candidate) => candidate.count <= answersSeen)) {
      answerWaiters.splice(answerWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
});

afterEach(() => {
  // A failed test must not leave a call that the next dial would put on hold.
  const over = new Set(bed.phone.calls.filter((call) => call.state === 'ended').map((call) => call.id));
  for (const call of bed.phone.calls) if (!over.has(call.id)) bed.phone.phone.hangup(call.id);
});

describe('a PBX restart during a call', () => {
  it('keeps the call: refreshed through the new connection, and our BYE still reaches the customer', async () => {
    const { run, uri, acked } = await customer('callee-survives-restart.xml');
    const dialing = await bed.phone.phone.dial(uri);
    await bed.phone.waitForCall((call) => call.id === dialing.id && call.state === 'active');
    await acked();
    const before = answersSeen;
    await restartPbx();
    // The refresh's answer: the customer took the re-INVITE that came through the new connection.
    await answers(before + 1);
    expect(statesOf(dialing.id).at(-1)).toBe('active');
    bed.phone.phone.hangup(dialing.id);
    expect((await ended(dialing.id)).endReason).toBe('local-hangup');
    const result = await run.done;
    expect(result.exitCode, result.output.slice(-2000)).toBe(0);
    expect(listCalls(bed.phone.journal, { limit: 1 })[0]).toMatchObject({ endReason: 'local-hangup' });
  }, 45_000);

  it('ends a call whose dialog the far end lost with a BYE through the new connection', async () => {
    const { run, uri, acked } = await customer('callee-forgets-dialog.xml');
    const dialing = await bed.phone.phone.dial(uri);
    await bed.phone.waitForCall((call) => call.id === dialing.id && call.state === 'active');
    await acked();
    await restartPbx();
    expect((await ended(dialing.id)).endReason).toBe('transport-lost');
    // sipp's scenario ends only after it received our BYE and answered it.
    const result = await run.done;
    expect(result.exitCode, result.output.slice(-2000)).toBe(0);
    expect(listCalls(bed.phone.journal, { limit: 1 })[0]).toMatchObject({ endReason: 'transport-lost' });
    expect(bed.phone.phone.liveCalls()).toBe(0);
  }, 45_000);
});
