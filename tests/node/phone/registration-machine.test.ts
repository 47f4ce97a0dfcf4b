/** The registration state machine with a user agent double: the paths Kamailio cannot easily produce. */
import { describe, expect, it } from 'vitest';

import type { RegistrationState } from '../../../preload/contract';
import { silentLogger } from '../../../main/logging/logger';
import { createRegistration, type UserAgentLike } from '../../../main/phone/registration';
import type { SipAccount } from '../../../main/settings/settings-service';

const account: SipAccount = {
  serverUrl: 'ws://127.0.0.1:1/ws',
  sipUser: 'a',
  domain: 'x',
  authUser: 'a',
  password: 'p',
  displayName: '',
};

describe('registration state machine', () => {
  it('reports an account that cannot become a SIP address instead of crashing, and does not retry', async () => {
    const states: RegistrationState[] = [];
    let created = 0;
    const registration = createRegistration({
      account: () => account,
      createUserAgent: () => {
        created += 1;
        throw new Error('The SIP user or domain is not valid.');
      },
      publish: (state) => states.push(state),
      logger: silentLogger(),
    });
    registration.restart();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(registration.state()).toEqual({
      state: 'auth-failed',
      reason: 'The SIP user or domain is not valid.',
    });
    expect(created).toBe(1);
    await registration.close();
  });

  it('does not retry after a 403 either, and stops the user agent', async () => {
    let stopped = 0;
    const registration = createRegistration({
      account: () => account,
      createUserAgent: (_account, delegate): UserAgentLike => ({
        connect: async () => undefined,
        register: () =>
          delegate.onRegistration({ kind: 'rejected', statusCode: 403, reason: '403 Forbidden' }),
        stop: async () => void (stopped += 1),
      }),
      publish: () => undefined,
      logger: silentLogger(),
    });
    registration.restart();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(registration.state()).toEqual({ state: 'auth-failed', reason: '403 Forbidden' });
    expect(stopped).toBe(1);
    await registration.close();
  });
});
