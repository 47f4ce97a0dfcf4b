/**
 * Registration over wss:// against a real Kamailio with TLS (kamailio-tls-modules) and a
 * throwaway self-signed certificate: refused while the certificate is not trusted, registered
 * once it is. Node 20 has no global WebSocket, so the test gives the engine `ws` with the
 * certificate authority it should trust (Electron trusts what the OS trusts).
 */
import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createKamailio, TESTBED_PASSWORD, type Kamailio } from './support/kamailio';
import { startPhone, type PhoneUnderTest } from './support/phone-under-test';

let kamailio: Kamailio;
let phone: PhoneUnderTest | null = null;
/** The certificate authority the WebSocket trusts; undefined: only the system's. */
let trusted: string | undefined;

class TestTrustWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { ca: trusted });
  }
}

const account = (sipUser: string) => ({
  serverUrl: kamailio.wssUrl ?? '',
  sipUser,
  domain: '127.0.0.1',
  authUser: '',
  password: TESTBED_PASSWORD,
  displayName: '',
});

beforeAll(async () => {
  kamailio = await createKamailio({ tls: true });
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

describe('registration over wss://', () => {
  it('does not register with a server whose certificate is not trusted, and says it is unreachable', async () => {
    trusted = undefined;
    phone = startPhone(account('secure1'), undefined, { webSocket: TestTrustWebSocket });
    const unreachable = await phone.waitFor('unreachable');
    expect(unreachable).toMatchObject({ reason: expect.stringContaining(kamailio.wssUrl ?? '') });
    expect(kamailio.registerCount('secure1')).toBe(0);
  });

  it('registers with digest authentication once the certificate is trusted', async () => {
    trusted = kamailio.certificate ?? undefined;
    phone = startPhone(account('secure2'), undefined, { webSocket: TestTrustWebSocket });
    const registered = await phone.waitFor('registered');
    expect(registered).toEqual({ state: 'registered', aor: 'sip:secure2@127.0.0.1' });
    expect(kamailio.log()).toMatch(/TESTBED REGISTER from secure2 auth=secure2/);
  });
});
