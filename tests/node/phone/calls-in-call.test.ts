/**
 * What the agent does during a call, against real peers (Kamailio, sipp, a stock sip.js
 * customer): hold both ways, blind and attended transfer, call waiting, keypad tones.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { listCalls } from '../../../main/journal/calls';

import type { Kamailio } from './support/kamailio';
import { TESTBED_PASSWORD } from './support/kamailio';
import type { PhoneUnderTest } from './support/phone-under-test';
import { startPhone } from './support/phone-under-test';
import { startSipJsCustomer } from './support/sipjs-customer';
import { scenario, transfereeScenario } from './support/sipp';
import { USER, useCallBed } from './support/call-bed';

const bed = useCallBed();
const { callTo, callee, ended, nextRinging, passed } = bed;
let kamailio: Kamailio;
let phone: PhoneUnderTest;
beforeAll(() => {
  ({ kamailio, phone } = bed);
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
