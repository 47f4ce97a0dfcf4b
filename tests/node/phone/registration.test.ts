/** Registration against a real Kamailio on loopback: success, wrong password, server down, restarts. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { listCalls } from '../../../main/journal/calls';
import { FakeClock } from '../../support/fake-clock';

import { createKamailio, TESTBED_PASSWORD, type Kamailio } from './support/kamailio';
import { startPhone, type PhoneUnderTest } from './support/phone-under-test';
import { callUser, scenario } from './support/sipp';

let kamailio: Kamailio;
let phone: PhoneUnderTest | null = null;

const account = (sipUser: string, password = TESTBED_PASSWORD) => ({
  serverUrl: kamailio.wsUrl,
  sipUser,
  domain: '127.0.0.1',
  authUser: '',
  password,
  displayName: 'Agent',
});

beforeAll(async () => {
  kamailio = await createKamailio();
  await kamailio.start();
});

afterEach(async (context) => {
  await phone?.phone.close();
  phone = null;
  if (context.task.result?.state === 'fail') console.error(`kamailio log:\n${kamailio.log().slice(-4000)}`);
});

afterAll(async () => {
  await kamailio.stop();
});

describe('registration', () => {
  it('is "not configured" without an account', () => {
    phone = startPhone(null);
    expect(phone.phone.registration()).toEqual({ state: 'not-configured' });
  });

  it('connects and registers with digest authentication', async () => {
    phone = startPhone(account('agent1'));
    const registered = await phone.waitFor('registered');
    expect(registered).toEqual({ state: 'registered', aor: 'sip:agent1@127.0.0.1' });
    expect(phone.states.map((state) => state.state)).toEqual(['connecting', 'registered']);
  });

  it('stops at "authentication failed" after a wrong password, without a storm of REGISTERs', async () => {
    // The phone's timers run on a fake clock: ten minutes pass at once, so any retry would fire.
    const clock = new FakeClock();
    phone = startPhone(account('agent2', 'wrong-password'), undefined, { clock });
    const failed = await phone.waitFor('auth-failed');
    expect(failed).toMatchObject({ reason: expect.stringMatching(/^401/) });
    await clock.advance(10 * 60_000);
    expect(phone.states.map((state) => state.state)).toEqual(['connecting', 'auth-failed']);
    // One REGISTER without credentials, one with the wrong ones: nothing after the failure.
    expect(kamailio.registerCount('agent2')).toBeLessThanOrEqual(2);
  });

  it('registers again when the agent fixes the password', async () => {
    phone = startPhone(account('agent3', 'wrong-password'));
    await phone.waitFor('auth-failed');
    phone.settings.saveAccount(account('agent3'));
    await phone.waitFor('registered');
  });

  it('refreshes the registration before it expires, without ever leaving "registered"', async () => {
    phone = startPhone(account('agent7'), undefined, { registerExpiresSeconds: 3 });
    await phone.waitFor('registered');
    const afterFirst = kamailio.registerCount('agent7');
    // 3 s registrations: the phone refreshes each before it runs out, twice in a row.
    await vi.waitFor(() => expect(kamailio.registerCount('agent7')).toBeGreaterThanOrEqual(afterFirst + 2), {
      timeout: 20_000,
      interval: 100,
    });
    expect(phone.states.map((state) => state.state)).toEqual(['connecting', 'registered']);
  });

  it('unregisters when it closes', async () => {
    phone = startPhone(account('agent4'));
    await phone.waitFor('registered');
    const before = kamailio.registerCount('agent4');
    await phone.phone.close();
    phone = null;
    expect(kamailio.log()).toMatch(/TESTBED REGISTER from agent4 auth=agent4 contact=.*expires=0/);
    expect(kamailio.registerCount('agent4')).toBeGreaterThan(before);
  });
});

describe('reconnection', () => {
  it('reports an unreachable server, retries with growing delays, and registers once it is up', async () => {
    await kamailio.stop();
    phone = startPhone(account('agent5'));
    const first = await phone.waitFor('unreachable');
    expect(first).toMatchObject({ nextAttemptInSeconds: expect.any(Number) });
    const delays = () =>
      phone?.states.flatMap((state) => (state.state === 'unreachable' ? [state.nextAttemptInSeconds] : [])) ??
      [];
    await vi.waitFor(() => expect(delays().length).toBeGreaterThanOrEqual(2), {
      timeout: 10_000,
      interval: 50,
    });
    expect(delays().at(-1)).toBeGreaterThanOrEqual(delays()[0] ?? 0);
    await kamailio.start();
    await phone.waitFor('registered', 35_000);
  }, 60_000);

  it('notices a server that stops answering (a half-dead connection) and registers once it answers', async () => {
    phone = startPhone(account('agent8'), undefined, {
      keepAlive: { intervalSeconds: 1, timeoutSeconds: 1 },
    });
    await phone.waitFor('registered');
    kamailio.pause();
    try {
      const retrying = await phone.waitFor('retrying', 5_000);
      expect(retrying).toMatchObject({ reason: 'The server did not answer for 1 s.' });
    } finally {
      kamailio.resume();
    }
    await phone.waitFor('registered', 15_000);
  }, 30_000);

  it('ends a call whose connection is lost as "transport lost", in the journal too', async () => {
    phone = startPhone(account('agent9'));
    await phone.waitFor('registered');
    const caller = await callUser('agent9', kamailio.udpPort, scenario('caller.xml'), ['-d', '20000']);
    const ringing = await phone.waitForCall((call) => call.state === 'ringing');
    phone.phone.answer(ringing.id);
    await phone.waitForCall((call) => call.id === ringing.id && call.state === 'active');
    await kamailio.stop();
    caller.kill();
    const ended = await phone.waitForCall((call) => call.id === ringing.id && call.state === 'ended');
    expect(ended.endReason).toBe('transport-lost');
    expect(listCalls(phone.journal, { limit: 1 })[0]).toMatchObject({ endReason: 'transport-lost' });
    expect(phone.phone.liveCalls()).toBe(0);
    await kamailio.start();
    await phone.waitFor('registered', 5_000);
  }, 30_000);

  it('registers again within 2 s each time Kamailio is killed and restarted, 10 times', async () => {
    phone = startPhone(account('agent6'));
    await phone.waitFor('registered');
    for (let round = 0; round < 10; round += 1) {
      await kamailio.stop();
      await phone.waitFor('retrying', 5_000);
      await kamailio.start();
      await phone.waitFor('registered', 2_000);
    }
  }, 120_000);
});
