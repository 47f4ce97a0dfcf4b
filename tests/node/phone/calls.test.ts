/**
 * Calls against real peers: sipp calls Steadyline through Kamailio, and Steadyline calls sipp.
 * Every call is journaled by main with its direction, identity, Call-ID, times and end reason.
 * Hold, transfers, call waiting and keypad tones are in calls-in-call.test.ts.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { getCall, listCalls } from '../../../main/journal/calls';

import type { Kamailio } from './support/kamailio';
import { TESTBED_PASSWORD } from './support/kamailio';
import type { PhoneUnderTest } from './support/phone-under-test';
import { startPhone } from './support/phone-under-test';
import { callUser, refusedCallerScenario, scenario } from './support/sipp';
import { useCallBed } from './support/call-bed';

const bed = useCallBed();
const { callTo, callee, answerEveryCall, ended, passed } = bed;
let kamailio: Kamailio;
let phone: PhoneUnderTest;
beforeAll(() => {
  ({ kamailio, phone } = bed);
});

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
