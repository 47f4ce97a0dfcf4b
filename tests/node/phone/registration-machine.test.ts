/**
 * The registration state machine with a user agent double and a fake clock: the paths Kamailio
 * cannot easily produce (a half-dead connection, sleep, a 403), without waiting in real time.
 */
import { describe, expect, it } from 'vitest';

import type { RegistrationState } from '../../../preload/contract';
import { silentLogger } from '../../../main/logging/logger';
import { createRegistration, type UserAgentLike } from '../../../main/phone/registration';
import type { SipUserAgentDelegate } from '../../../main/phone/sip/sip-user-agent';
import type { SipAccount } from '../../../main/settings/settings-service';
import { FakeClock } from '../../support/fake-clock';

const account: SipAccount = {
  serverUrl: 'ws://127.0.0.1:1/ws',
  sipUser: 'a',
  domain: 'x',
  authUser: 'a',
  password: 'p',
  displayName: '',
};

/** A user agent double that registers at once; its pings answer while `answering` is true. */
class ScriptedAgent implements UserAgentLike {
  pings = 0;
  stopped = 0;
  abandoned = 0;
  constructor(
    private readonly delegate: SipUserAgentDelegate,
    private readonly world: { answering: boolean; reachable: boolean },
  ) {}
  connect = () => (this.world.reachable ? Promise.resolve() : Promise.reject(new Error('refused')));
  register = () => this.delegate.onRegistration({ kind: 'registered', aor: 'sip:a@x' });
  ping = () => {
    this.pings += 1;
    return this.world.answering ? Promise.resolve() : new Promise<void>(() => undefined);
  };
  stop = async () => void (this.stopped += 1);
  abandon = async () => void (this.abandoned += 1);
}

function startMachine(keepAlive = { intervalSeconds: 15, timeoutSeconds: 10 }) {
  const clock = new FakeClock();
  const world = { answering: true, reachable: true };
  const agents: ScriptedAgent[] = [];
  const states: RegistrationState[] = [];
  const registration = createRegistration({
    account: () => account,
    createUserAgent: (_account, delegate) => {
      const agent = new ScriptedAgent(delegate, world);
      agents.push(agent);
      return agent;
    },
    publish: (state) => states.push(state),
    logger: silentLogger(),
    clock,
    random: () => 0.5,
    keepAlive,
  });
  registration.restart();
  return { clock, world, agents, states, registration };
}

describe('registration state machine', () => {
  it('reports an account that cannot become a SIP address instead of crashing, and does not retry', async () => {
    const states: RegistrationState[] = [];
    let created = 0;
    const clock = new FakeClock();
    const registration = createRegistration({
      account: () => account,
      createUserAgent: () => {
        created += 1;
        throw new Error('The SIP user or domain is not valid.');
      },
      publish: (state) => states.push(state),
      logger: silentLogger(),
      clock,
    });
    registration.restart();
    await clock.advance(120_000);
    expect(registration.state()).toEqual({
      state: 'auth-failed',
      reason: 'The SIP user or domain is not valid.',
    });
    expect(created).toBe(1);
    await registration.close();
  });

  it('does not retry after a 403 either, and stops the user agent', async () => {
    let stopped = 0;
    let created = 0;
    const clock = new FakeClock();
    const registration = createRegistration({
      account: () => account,
      createUserAgent: (_account, delegate): UserAgentLike => {
        created += 1;
        return {
          connect: async () => undefined,
          register: () =>
            delegate.onRegistration({ kind: 'rejected', statusCode: 403, reason: '403 Forbidden' }),
          ping: async () => undefined,
          stop: async () => void (stopped += 1),
          abandon: async () => undefined,
        };
      },
      publish: () => undefined,
      logger: silentLogger(),
      clock,
    });
    registration.restart();
    await clock.advance(120_000);
    expect(registration.state()).toEqual({ state: 'auth-failed', reason: '403 Forbidden' });
    expect(stopped).toBe(1);
    expect(created).toBe(1);
    await registration.close();
  });
});

describe('keep-alive', () => {
  it('pings a live connection every interval and stays registered', async () => {
    const { clock, agents, registration } = startMachine();
    await clock.advance(0);
    expect(registration.state().state).toBe('registered');
    await clock.advance(60_000);
    expect(agents).toHaveLength(1);
    expect(agents[0]?.pings).toBe(4);
    expect(registration.state().state).toBe('registered');
    await registration.close();
  });

  it('notices a half-dead connection within interval + timeout, abandons it and registers again', async () => {
    const { clock, world, agents, states, registration } = startMachine();
    await clock.advance(0);
    world.answering = false;
    await clock.advance(15_000 + 10_000 - 1);
    expect(registration.state().state).toBe('registered');
    await clock.advance(1);
    expect(registration.state()).toMatchObject({
      state: 'retrying',
      reason: 'The server did not answer for 10 s.',
      nextAttemptInSeconds: 1,
    });
    // No unregistering over a dead line: its calls end as transport-lost instead.
    expect(agents[0]).toMatchObject({ abandoned: 1, stopped: 0 });
    world.answering = true;
    await clock.advance(500);
    expect(agents).toHaveLength(2);
    expect(registration.state().state).toBe('registered');
    expect(states.map((state) => state.state)).toEqual([
      'connecting',
      'registered',
      'retrying',
      'connecting',
      'registered',
    ]);
    await registration.close();
  });

  it('probes at once when asked (the machine woke up, the network changed)', async () => {
    const { clock, agents, registration } = startMachine();
    await clock.advance(1_000);
    registration.checkNow();
    expect(agents[0]?.pings).toBe(1);
    await clock.advance(14_000);
    expect(agents[0]?.pings).toBe(1);
    await clock.advance(1_000);
    expect(agents[0]?.pings).toBe(2);
    await registration.close();
  });

  it('skips the wait and reconnects at once when asked while waiting to retry', async () => {
    const { clock, world, agents, registration } = startMachine();
    await clock.advance(0);
    world.answering = false;
    world.reachable = false;
    await clock.advance(25_000 + 30_000);
    const waiting = registration.state();
    expect(waiting).toMatchObject({ state: 'unreachable', nextAttemptInSeconds: 16 });
    world.answering = world.reachable = true;
    const before = agents.length;
    registration.checkNow();
    await clock.advance(0);
    expect(agents.length).toBe(before + 1);
    expect(registration.state().state).toBe('registered');
    await registration.close();
  });

  it('leaves no timer behind once closed', async () => {
    const { clock, registration } = startMachine();
    await clock.advance(20_000);
    await registration.close();
    expect(clock.pending).toBe(0);
  });
});
