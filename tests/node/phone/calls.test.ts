/**
 * Calls against real peers: sipp calls Steadyline through Kamailio, and Steadyline calls sipp.
 * Every call is journaled by main with its direction, identity, Call-ID, times and end reason.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type { CallState } from '../../../preload/contract';
import { getCall, listCalls } from '../../../main/journal/calls';

import { createKamailio, TESTBED_PASSWORD, type Kamailio } from './support/kamailio';
import { startPhone, type PhoneUnderTest } from './support/phone-under-test';
import { freePort } from './support/ports';
import { startSipJsCustomer } from './support/sipjs-customer';
import { callUser, refusedCallerScenario, runSipp, scenario, transfereeScenario } from './support/sipp';

let kamailio: Kamailio;
let phone: PhoneUnderTest;
const USER = 'callagent';

const callTo = (scenarioFile: string, extra: string[] = [], timeoutMs = 20_000) =>
  callUser(USER, kamailio.udpPort, scenarioFile, extra, timeoutMs);

/** A sipp callee on 127.0.0.2 (not the proxy's own address, so Kamailio relays to it). */
const callee = async (scenarioFile: string) => {
  const port = await freePort();
  return {
    run: runSipp(['-sf', scenarioFile, '-i', '127.0.0.2', '-p', String(port), '-m', '1', '-timeout', '15s']),
    uri: `sip:callee@127.0.0.2:${port}`,
  };
};

beforeAll(async () => {
  kamailio = await createKamailio();
  await kamailio.start();
  phone = startPhone({
    serverUrl: kamailio.wsUrl,
    sipUser: USER,
    domain: '127.0.0.1',
    authUser: '',
    password: TESTBED_PASSWORD,
    displayName: 'Agent',
  });
  await phone.waitFor('registered');
});

afterEach((context) => {
  phone.phone.setAvailability('available');
  if (context.task.result?.state === 'fail') console.error(`kamailio log:\n${kamailio.log().slice(-4000)}`);
});

afterAll(async () => {
  await phone.phone.close();
  await kamailio.stop();
});

/** Answers every call that rings, as an agent on a busy day would. */
function answerEveryCall(): () => void {
  const answered = new Set<string>();
  const timer = setInterval(() => {
    for (const call of phone.calls) {
      if (call.state !== 'ringing' || answered.has(call.id)) continue;
      answered.add(call.id);
      if (phone.calls.some((other) => other.id === call.id && other.state === 'ended')) continue;
      phone.phone.answer(call.id);
    }
  }, 5);
  return () => clearInterval(timer);
}

const ended = (id: string) => phone.waitForCall((call) => call.id === id && call.state === 'ended');

describe('incoming calls', () => {
  it('rings, is answered, and ends when the caller hangs up; the journal has it all', async () => {
    const caller = await callTo(scenario('caller-hebrew.xml'), ['-d', '300']);
    const ringing = await phone.waitForCall((call) => call.state === 'ringing');
    expect(ringing.remote.displayName).toBe('דנה כהן');
    phone.phone.answer(ringing.id);
    await phone.waitForCall((call) => call.id === ringing.id && call.state === 'active');
    expect((await ended(ringing.id)).endReason).toBe('remote-hangup');
    expect((await caller.done).exitCode).toBe(0);
    const [row] = listCalls(phone.journal, { limit: 1 });
    expect(row).toMatchObject({
      direction: 'inbound',
      remoteDisplayName: 'דנה כהן',
      endReason: 'remote-hangup',
      sipStatus: null,
    });
    expect(row?.remoteUri).toMatch(/^sip:sipp@127\.0\.0\.1/);
    expect(row?.sipCallId).toMatch(/@/);
    expect(row?.answeredAt).toBeGreaterThanOrEqual(row?.startedAt ?? Infinity);
    expect(row?.endedAt).toBeGreaterThanOrEqual(row?.answeredAt ?? Infinity);
  });

  it('is declined with 486 Busy Here', async () => {
    const caller = await callTo(refusedCallerScenario(486, false));
    const ringing = await phone.waitForCall(
      (call) =>
        call.state === 'ringing' &&
        !phone.calls.some((other) => other.id === call.id && other.state !== 'ringing'),
    );
    phone.phone.decline(ringing.id, true);
    expect((await ended(ringing.id)).endReason).toBe('declined');
    expect((await caller.done).exitCode).toBe(0);
  });

  it('stops ringing and is journaled as cancelled when the caller gives up', async () => {
    const caller = await callTo(scenario('caller-cancel.xml'));
    const ringing = await phone.waitForCall(
      (call) =>
        call.state === 'ringing' &&
        !phone.calls.some((other) => other.id === call.id && other.state !== 'ringing'),
    );
    expect((await ended(ringing.id)).endReason).toBe('cancelled');
    const result = await caller.done;
    expect(result.exitCode, result.output.slice(-1500)).toBe(0);
    expect(listCalls(phone.journal, { limit: 1 })[0]).toMatchObject({
      endReason: 'cancelled',
      answeredAt: null,
    });
  });

  it('takes the caller identity from P-Asserted-Identity when the network asserts one', async () => {
    const caller = await callTo(scenario('caller-asserted-identity.xml'), ['-d', '100']);
    const ringing = await phone.waitForCall(
      (call) => call.state === 'ringing' && call.remote.uri.startsWith('sip:+97231234567'),
    );
    expect(ringing.remote).toEqual({ uri: 'sip:+97231234567@pbx.example.org', displayName: 'משה לוי' });
    phone.phone.answer(ringing.id);
    await ended(ringing.id);
    expect((await caller.done).exitCode).toBe(0);
  });

  it('takes the caller identity from Remote-Party-ID when there is no P-Asserted-Identity', async () => {
    const caller = await callTo(scenario('caller-remote-party-id.xml'), ['-d', '100']);
    const ringing = await phone.waitForCall(
      (call) => call.state === 'ringing' && call.remote.uri.startsWith('sip:+97221234567'),
    );
    expect(ringing.remote).toEqual({ uri: 'sip:+97221234567@pbx.example.org', displayName: 'שרה אברהם' });
    await phone.phone.answer(ringing.id);
    await ended(ringing.id);
    expect((await caller.done).exitCode).toBe(0);
  });

  it('is declined with 603 Decline when the agent does not want it', async () => {
    const caller = await callTo(refusedCallerScenario(603, false));
    const ringing = await phone.waitForCall(
      (call) =>
        call.state === 'ringing' &&
        !phone.calls.some((other) => other.id === call.id && other.state !== 'ringing'),
    );
    phone.phone.decline(ringing.id, false);
    expect((await ended(ringing.id)).endReason).toBe('declined');
    expect((await caller.done).exitCode).toBe(0);
  });

  it('during a break is refused with 480 and Retry-After before it rings, and journaled as deferred', async () => {
    phone.phone.setAvailability('break', 90);
    const ringingBefore = phone.calls.filter((call) => call.state === 'ringing').length;
    const caller = await callTo(refusedCallerScenario(480, true, false));
    const result = await caller.done;
    expect(result.exitCode, result.output.slice(-1500)).toBe(0);
    expect(phone.calls.filter((call) => call.state === 'ringing').length).toBe(ringingBefore);
    const [row] = listCalls(phone.journal, { limit: 1 });
    expect(row).toMatchObject({ direction: 'inbound', endReason: 'deferred', sipStatus: 480 });
  });

  it('in do-not-disturb is refused too, without a Retry-After when no end time is known', async () => {
    phone.phone.setAvailability('dnd');
    const caller = await callTo(refusedCallerScenario(480, false, false));
    expect((await caller.done).exitCode).toBe(0);
    const demandingRetryAfter = await callTo(refusedCallerScenario(480, true, false));
    expect((await demandingRetryAfter.done).exitCode).not.toBe(0);
  });
});

describe('a phone set to answer busy while unavailable', () => {
  it('refuses with 486 Busy Here instead of 480, never rings, and journals the call as deferred', async () => {
    const busyPhone = startPhone(
      {
        serverUrl: kamailio.wsUrl,
        sipUser: 'busyagent',
        domain: '127.0.0.1',
        authUser: '',
        password: TESTBED_PASSWORD,
        displayName: '',
      },
      undefined,
      { unavailableStatus: 486 },
    );
    try {
      await busyPhone.waitFor('registered');
      busyPhone.phone.setAvailability('break', 60);
      const caller = await callUser('busyagent', kamailio.udpPort, refusedCallerScenario(486, true, false));
      await passed(caller);
      expect(busyPhone.calls).toEqual([]);
      expect(listCalls(busyPhone.journal, { limit: 1 })[0]).toMatchObject({
        endReason: 'deferred',
        sipStatus: 486,
      });
    } finally {
      await busyPhone.phone.close();
    }
  });
});

describe('outgoing calls', () => {
  it('connects to sipp and ends with a local hang-up', async () => {
    const { run, uri } = await callee(scenario('callee.xml'));
    const dialing = await phone.phone.dial(uri);
    expect(dialing.state).toBe('dialing');
    await phone.waitForCall((call) => call.id === dialing.id && call.state === 'active');
    phone.phone.hangup(dialing.id);
    expect((await ended(dialing.id)).endReason).toBe('local-hangup');
    expect((await run.done).exitCode).toBe(0);
    expect(getCall(phone.journal, listCalls(phone.journal, { limit: 1 })[0]?.id ?? 0)).toMatchObject({
      direction: 'outbound',
      remoteUri: uri,
      endReason: 'local-hangup',
    });
  });

  it('goes through early media (183) before the callee answers', async () => {
    const { run, uri } = await callee(scenario('callee-early-media.xml'));
    const dialing = await phone.phone.dial(uri);
    await phone.waitForCall((call) => call.id === dialing.id && call.state === 'early');
    await phone.waitForCall((call) => call.id === dialing.id && call.state === 'active');
    phone.phone.hangup(dialing.id);
    await ended(dialing.id);
    expect((await run.done).exitCode).toBe(0);
  });

  it('records "busy" with the SIP status when the callee is busy', async () => {
    const { run, uri } = await callee(scenario('callee-busy.xml'));
    const dialing = await phone.phone.dial(uri);
    expect((await ended(dialing.id)).endReason).toBe('busy');
    expect((await run.done).exitCode).toBe(0);
    expect(listCalls(phone.journal, { limit: 1 })[0]).toMatchObject({ endReason: 'busy', sipStatus: 486 });
  });

  it('rejects a target that is not a number, extension or SIP address', async () => {
    await expect(phone.phone.dial('call mum')).rejects.toThrow(/extension, a phone number or a sip: address/);
  });

  it('leaves no live calls behind', () => {
    expect(phone.phone.liveCalls()).toBe(0);
    expect(phone.media.openCalls.size).toBe(0);
  });
});

describe('hold', () => {
  it('puts the callee on hold (a=sendonly) and resumes (a=sendrecv) with re-INVITEs', async () => {
    const { run, uri } = await callee(scenario('callee-hold.xml'));
    const dialing = await phone.phone.dial(uri);
    await phone.waitForCall((call) => call.id === dialing.id && call.state === 'active');
    expect((await phone.phone.hold(dialing.id, true)).heldByMe).toBe(true);
    expect((await phone.phone.hold(dialing.id, false)).heldByMe).toBe(false);
    phone.phone.hangup(dialing.id);
    await ended(dialing.id);
    const result = await run.done;
    expect(result.exitCode, result.output.slice(-1500)).toBe(0);
  });

  it('notices when the caller holds the agent, answers recvonly, and notices the resume', async () => {
    const caller = await callTo(scenario('caller-remote-hold.xml'), ['-d', '100']);
    const ringing = await phone.waitForCall(
      (call) =>
        call.state === 'ringing' &&
        !phone.calls.some((other) => other.id === call.id && other.state !== 'ringing'),
    );
    phone.phone.answer(ringing.id);
    await phone.waitForCall((call) => call.id === ringing.id && call.heldByRemote);
    await phone.waitForCall(
      (call) =>
        call.id === ringing.id &&
        call.state === 'active' &&
        !call.heldByRemote &&
        phone.calls.some((c) => c.id === ringing.id && c.heldByRemote),
    );
    await ended(ringing.id);
    const result = await caller.done;
    expect(result.exitCode, result.output.slice(-1500)).toBe(0);
  });

  it('refuses to hold a call that has ended, with a clear message', async () => {
    await expect(phone.phone.hold('no-such-call', true)).rejects.toThrow('That call has already ended.');
  });
});

/** The first call that starts ringing from now on (ignoring calls already seen). */
async function nextRinging(): Promise<CallState> {
  const seen = new Set(phone.calls.map((call) => call.id));
  return phone.waitForCall((call) => call.state === 'ringing' && !seen.has(call.id));
}

/** sipp's exit code, with its output attached when it failed. */
async function passed(run: { done: Promise<{ exitCode: number | null; output: string }> }) {
  const result = await run.done;
  expect(result.exitCode, result.output.slice(-2000)).toBe(0);
}

describe('transfers', () => {
  it('hands the caller to another extension (blind transfer) and journals the call as transferred', async () => {
    const caller = await callTo(transfereeScenario('sip:2001@127\\.0\\.0\\.1', 'SIP/2.0 200 OK'));
    const ringing = await nextRinging();
    await phone.phone.answer(ringing.id);
    await phone.waitForCall((call) => call.id === ringing.id && call.state === 'active');
    await phone.phone.transferBlind(ringing.id, '2001');
    expect((await ended(ringing.id)).endReason).toBe('transferred');
    await passed(caller);
    expect(listCalls(phone.journal, { limit: 1 })[0]).toMatchObject({ endReason: 'transferred' });
  });

  it('keeps the call when the transfer fails, says why, and the agent can still hang up', async () => {
    const caller = await callTo(transfereeScenario('sip:2002@', 'SIP/2.0 486 Busy Here'));
    const ringing = await nextRinging();
    await phone.phone.answer(ringing.id);
    await phone.waitForCall((call) => call.id === ringing.id && call.state === 'active');
    await expect(phone.phone.transferBlind(ringing.id, '2002')).rejects.toThrow(
      'The call could not be transferred: the transfer failed (486)',
    );
    expect(phone.phone.liveCalls()).toBeGreaterThan(0);
    phone.phone.hangup(ringing.id);
    expect((await ended(ringing.id)).endReason).toBe('local-hangup');
    await passed(caller);
  });

  it('connects the caller with a consulted colleague (attended transfer, REFER with Replaces)', async () => {
    const customer = await startSipJsCustomer({
      wsUrl: kamailio.wsUrl,
      user: 'customer',
      password: TESTBED_PASSWORD,
      transferOutcome: 'SIP/2.0 200 OK',
    });
    try {
      const calling = customer.call(`sip:${USER}@127.0.0.1`);
      const ringing = await nextRinging();
      await phone.phone.answer(ringing.id);
      await calling;
      const lead = await callee(scenario('callee.xml'));
      // Calling the lead puts the customer on hold first.
      const consult = await phone.phone.dial(lead.uri);
      expect(phone.calls.filter((call) => call.id === ringing.id).at(-1)).toMatchObject({ heldByMe: true });
      await phone.waitForCall((call) => call.id === consult.id && call.state === 'active');
      await phone.phone.transferAttended(ringing.id, consult.id);
      // The customer is told to call the lead, replacing the agent's consultation call with them.
      const consultCallId = listCalls(phone.journal, { limit: 1 })[0]?.sipCallId ?? '';
      expect(decodeURIComponent(await customer.referredTo)).toContain(`Replaces=${consultCallId};to-tag=`);
      expect((await ended(ringing.id)).endReason).toBe('transferred');
      expect((await ended(consult.id)).endReason).toBe('transferred');
      await customer.callEnded;
      await passed(lead.run);
      expect(phone.phone.liveCalls()).toBe(0);
    } finally {
      await customer.stop();
    }
  });

  it('refuses a transfer target that is not an address, and a call that has ended', async () => {
    await expect(phone.phone.transferBlind('no-such-call', '2001')).rejects.toThrow(
      'That call has already ended.',
    );
    const caller = await callTo(scenario('caller.xml'), ['-d', '300']);
    const ringing = await nextRinging();
    await phone.phone.answer(ringing.id);
    await phone.waitForCall((call) => call.id === ringing.id && call.state === 'active');
    await expect(phone.phone.transferBlind(ringing.id, 'my lead')).rejects.toThrow(
      'Enter an extension, a phone number or a sip: address.',
    );
    await ended(ringing.id);
    await passed(caller);
  });
});

describe('call waiting', () => {
  it('signals a second call as waiting; answering it holds the first', async () => {
    const first = await callTo(scenario('caller-held-by-waiting.xml'));
    const firstCall = await nextRinging();
    expect(firstCall.waiting).toBe(false);
    await phone.phone.answer(firstCall.id);
    await phone.waitForCall((call) => call.id === firstCall.id && call.state === 'active');

    const second = await callTo(scenario('caller.xml'), ['-d', '500']);
    const waiting = await nextRinging();
    expect(waiting.waiting).toBe(true);
    const answered = await phone.phone.answer(waiting.id);
    expect(phone.calls.filter((call) => call.id === firstCall.id).at(-1)).toMatchObject({ heldByMe: true });
    expect(answered.id).toBe(waiting.id);
    await phone.waitForCall((call) => call.id === waiting.id && call.state === 'active' && !call.waiting);
    expect((await ended(waiting.id)).endReason).toBe('remote-hangup');
    await passed(second);

    phone.phone.hangup(firstCall.id);
    expect((await ended(firstCall.id)).endReason).toBe('local-hangup');
    await passed(first);
  });
});

describe('keypad tones (DTMF)', () => {
  it('go through the media engine (RFC 4733) when it can send them', async () => {
    const { run, uri } = await callee(scenario('callee.xml'));
    const dialing = await phone.phone.dial(uri);
    await phone.waitForCall((call) => call.id === dialing.id && call.state === 'active');
    await phone.phone.sendDtmf(dialing.id, '123');
    expect(phone.media.dtmfSent).toContain('123');
    phone.phone.hangup(dialing.id);
    await ended(dialing.id);
    expect((await run.done).exitCode).toBe(0);
  });

  it('go as SIP INFO when the phone is set to use INFO', async () => {
    const infoPhone = startPhone(
      {
        serverUrl: kamailio.wsUrl,
        sipUser: 'infoagent',
        domain: '127.0.0.1',
        authUser: '',
        password: TESTBED_PASSWORD,
        displayName: '',
      },
      undefined,
      { dtmfMethod: 'info' },
    );
    await infoPhone.waitFor('registered');
    const { run, uri } = await callee(scenario('callee-dtmf-info.xml'));
    const dialing = await infoPhone.phone.dial(uri);
    await infoPhone.waitForCall((call) => call.id === dialing.id && call.state === 'active');
    await infoPhone.phone.sendDtmf(dialing.id, '5#');
    expect(infoPhone.media.dtmfSent).toEqual([]);
    infoPhone.phone.hangup(dialing.id);
    await infoPhone.waitForCall((call) => call.id === dialing.id && call.state === 'ended');
    const result = await run.done;
    await infoPhone.phone.close();
    expect(result.exitCode, result.output.slice(-1500)).toBe(0);
  });
});

describe('many calls', () => {
  // Memory itself is measured by the SIP benchmark (tests/bench/sip/run.ts, heap growth goal).
  it('handles 200 sequential calls without leaking calls, media sessions or listeners', async () => {
    const stopAnswering = answerEveryCall();
    const caller = await callTo(
      scenario('caller.xml'),
      ['-m', '200', '-l', '1', '-r', '200', '-d', '10', '-timeout', '60s'],
      70_000,
    );
    const result = await caller.done;
    stopAnswering();
    expect(result.exitCode, result.output.slice(-1500)).toBe(0);
    await vi.waitFor(() => {
      expect(phone.phone.liveCalls()).toBe(0);
      expect(phone.media.openCalls.size).toBe(0);
    });
    // Sessions and dialogs are gone. An answered INVITE's transaction waits out Timer L or M
    // (32 s, RFC 6026) and then goes too (the benchmark reads memory after that): at most one per
    // call of the last 32 s, plus the earlier tests' few.
    const internals = phone.phone.sipInternals();
    expect(internals).toMatchObject({ sessions: 0, dialogs: 0 });
    expect((internals?.serverTransactions ?? 0) + (internals?.clientTransactions ?? 0)).toBeLessThanOrEqual(
      230,
    );
    const endedCalls = phone.calls.filter(
      (call) => call.state === 'ended' && call.endReason === 'remote-hangup',
    );
    expect(endedCalls.length).toBeGreaterThanOrEqual(200);
  }, 90_000);
});
