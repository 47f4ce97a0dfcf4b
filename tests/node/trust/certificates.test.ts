/**
 * wss:// and the queue webhook trust the OS store plus IT's CAs from the policy. Against Kamailio's
 * tls module with a certificate from a throwaway internal CA: refused without the CA (and the agent
 * is told the certificate is not trusted, not "1006"), registered once the policy supplies it. An
 * expired certificate and a wrong host name are each named too.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

import { WebSocketServer } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { resolvePolicy } from '../../../main/policy/resolve';
import { CertificateError } from '../../../main/trust/certificate-problem';
import { createTrustStore, type TrustStore } from '../../../main/trust/trust-store';
import { createTrustedFetch } from '../../../main/trust/trusted-fetch';
import { makeInternalCa, type InternalCa, type IssuedCertificate } from '../../support/internal-ca';
import { createKamailio, TESTBED_PASSWORD, type Kamailio } from '../phone/support/kamailio';
import { startPhone, type PhoneUnderTest } from '../phone/support/phone-under-test';

let ca: InternalCa;
let kamailio: Kamailio;
let phone: PhoneUnderTest | null = null;
const servers: Server[] = [];

const account = (serverUrl: string, sipUser: string) => ({
  serverUrl,
  sipUser,
  domain: '127.0.0.1',
  authUser: '',
  password: TESTBED_PASSWORD,
  displayName: '',
});

/** The trust store as the shell builds it: no OS store here (none that knows this CA), plus the policy's CAs. */
function trustFromPolicy(document: Record<string, unknown>): TrustStore {
  const trust = createTrustStore({ system: () => [] });
  const policy = resolvePolicy([{ source: 'test', raw: { locked: document, recommended: {} } }], {
    username: '',
    env: {},
  });
  expect(policy.problems).toEqual([]);
  trust.setPolicyCertificates((policy.entries.TrustedCaCertificates?.value as string[] | undefined) ?? []);
  return trust;
}

/** A wss:// server with this certificate (it never gets as far as SIP). */
async function tlsServer(issued: IssuedCertificate): Promise<string> {
  const server = createServer({ key: issued.key, cert: issued.certificate }, (_request, response) =>
    response.end('ok'),
  );
  new WebSocketServer({ server });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  ca = makeInternalCa();
  kamailio = await createKamailio({ tls: { key: ca.valid.keyFile, certificate: ca.valid.certificateFile } });
  await kamailio.start();
});
afterEach(() => phone?.phone.close().finally(() => (phone = null)));
afterAll(async () => {
  for (const server of servers) server.close();
  await kamailio.stop();
});

describe('wss:// with an internal CA', () => {
  it('is refused without the CA and the agent is told the certificate is not trusted', async () => {
    phone = startPhone(account(kamailio.wssUrl ?? '', 'internal1'), undefined, {
      trust: trustFromPolicy({}),
    });
    const unreachable = await phone.waitFor('unreachable');
    expect(unreachable).toMatchObject({ certificate: 'untrusted' });
    expect(unreachable).toMatchObject({
      reason: expect.stringContaining('certificate is not trusted — ask IT'),
    });
    expect(kamailio.registerCount('internal1')).toBe(0);
  });

  it('registers once the policy supplies the CA', async () => {
    const trust = trustFromPolicy({ TrustedCaCertificates: [ca.certificate.trim()] });
    phone = startPhone(account(kamailio.wssUrl ?? '', 'internal2'), undefined, { trust });
    expect(await phone.waitFor('registered')).toEqual({
      state: 'registered',
      aor: 'sip:internal2@127.0.0.1',
    });
  });

  it('names an expired certificate', async () => {
    const host = await tlsServer(ca.expired);
    const trust = trustFromPolicy({ TrustedCaCertificates: [ca.certificate.trim()] });
    phone = startPhone(account(`wss://${host}/ws`, 'internal3'), undefined, { trust });
    expect(await phone.waitFor('unreachable')).toMatchObject({
      certificate: 'expired',
      reason: expect.stringContaining('has expired — ask IT'),
    });
  });

  it('names a certificate for another host name', async () => {
    const host = await tlsServer(ca.wrongHost);
    const trust = trustFromPolicy({ TrustedCaCertificates: [ca.certificate.trim()] });
    phone = startPhone(account(`wss://${host}/ws`, 'internal4'), undefined, { trust });
    expect(await phone.waitFor('unreachable')).toMatchObject({ certificate: 'wrong-host' });
  });
});

describe('the queue webhook over https with an internal CA', () => {
  it('is refused with a certificate error without the CA, and answered with it', async () => {
    const host = await tlsServer(ca.valid);
    const refused = createTrustedFetch(trustFromPolicy({}))(`https://${host}/pause`, {
      method: 'POST',
      body: '{}',
    });
    await expect(refused).rejects.toBeInstanceOf(CertificateError);
    await expect(refused).rejects.toMatchObject({ problem: 'untrusted' });
    const trusted = createTrustedFetch(trustFromPolicy({ TrustedCaCertificates: [ca.certificate.trim()] }));
    const response = await trusted(`https://${host}/pause`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });
});
