/** A server that sends garbage: the engine logs it, stays registered and keeps answering. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '../../../main/logging/logger';
import { collectingDestination } from '../../support/collecting-destination';

import { startPhone, type PhoneUnderTest } from './support/phone-under-test';
import { startRawSipServer, type RawSipServer } from './support/raw-sip-server';

let server: RawSipServer;
let phone: PhoneUnderTest;
const log = collectingDestination();

const request = (method: string, headers: string[], body = '') =>
  [`${method} sip:agent@127.0.0.1 SIP/2.0`, ...headers, '', body].join('\r\n');
const standardHeaders = (callId: string, method: string) => [
  'Via: SIP/2.0/WS 127.0.0.1;branch=z9hG4bK' + callId,
  'From: <sip:server@127.0.0.1>;tag=' + callId,
  'To: <sip:agent@127.0.0.1>',
  `Call-ID: ${callId}`,
  `CSeq: 1 ${method}`,
  'Max-Forwards: 70',
];

beforeAll(async () => {
  server = await startRawSipServer();
  const account = {
    serverUrl: server.url,
    sipUser: 'agent',
    domain: '127.0.0.1',
    authUser: '',
    password: 'x',
    displayName: '',
  };
  phone = startPhone(account, createLogger({ destination: log, level: 'warn' }));
  await phone.waitFor('registered');
});

afterAll(async () => {
  await phone.phone.close();
  await server.close();
});

describe('garbled messages from the server', () => {
  it('are logged and dropped; the phone stays registered and still answers requests', async () => {
    server.send('THIS IS NOT SIP AT ALL\r\n\r\n');
    server.send(request('INVITE', ['Call-ID: no-from-no-via', 'CSeq: 1 INVITE', 'Content-Length: 0']));
    server.send(
      request(
        'MESSAGE',
        [...standardHeaders('short-body', 'MESSAGE'), 'Content-Type: text/plain', 'Content-Length: 500', ''],
        'hi',
      ),
    );
    server.send(
      request('FROBNICATE', [...standardHeaders('unknown-method', 'FROBNICATE'), 'Content-Length: 0', '']),
    );
    const unknownMethodAnswer = await server.waitFor(
      /^SIP\/2\.0 (405|501)[^\r]*\r\n[\s\S]*Call-ID: unknown-method/m,
    );
    expect(unknownMethodAnswer).toMatch(/^SIP\/2\.0 (405|501)/);
    const shortBodyAnswer = await server.waitFor(/Call-ID: short-body/);
    expect(shortBodyAnswer).toMatch(/^SIP\/2\.0 400/);
    server.send(request('OPTIONS', [...standardHeaders('still-alive', 'OPTIONS'), 'Content-Length: 0', '']));
    await server.waitFor(/^SIP\/2\.0 200[^\r]*\r\n[\s\S]*Call-ID: still-alive/m);
    expect(phone.phone.registration().state).toBe('registered');
    expect(log.text()).toContain('dropped a malformed SIP message');
    expect(log.text()).toContain('missing mandatory header');
  });
});
