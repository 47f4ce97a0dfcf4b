/**
 * A call challenged twice: the proxy's 407, then the PBX's 401 (sip.js patch in
 * user-agent-client.js). The third INVITE carries both answers; a second 401 for the same realm is
 * still an authentication loop and the call fails with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listCalls } from '../../../main/journal/calls';

import { startPhone, type PhoneUnderTest } from './support/phone-under-test';
import { startRawSipServer, type RawSipServer } from './support/raw-sip-server';

let server: RawSipServer;
let phone: PhoneUnderTest;

const header = (message: string, name: string) =>
  new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(message)?.[1]?.trim() ?? '';

/** A final response to `invite` with the extra header lines. */
const answer = (invite: string, status: string, extra: string[]) =>
  [
    `SIP/2.0 ${status}`,
    `Via: ${header(invite, 'Via')}`,
    `From: ${header(invite, 'From')}`,
    `To: ${header(invite, 'To')};tag=challenger`,
    `Call-ID: ${header(invite, 'Call-ID')}`,
    `CSeq: ${header(invite, 'CSeq')}`,
    ...extra,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');

const invitesOf = (callId: string) =>
  server.received.filter((text) => text.startsWith('INVITE ') && header(text, 'Call-ID') === callId);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The INVITE of call `callId` with CSeq number `cseq` (each retry with credentials adds one). */
const invite = (callId: string, cseq: number) =>
  server.waitFor(
    new RegExp(
      `^(?=INVITE )(?=[\\s\\S]*^Call-ID: ${escape(callId)}\\s*$)(?=[\\s\\S]*^CSeq: ${cseq} INVITE\\s*$)`,
      'm',
    ),
  );
/** The first INVITE to `user`, and its Call-ID and CSeq number. */
async function firstInvite(user: string) {
  const text = await server.waitFor(new RegExp(`^INVITE sip:${user}@`));
  return { text, callId: header(text, 'Call-ID'), cseq: Number.parseInt(header(text, 'CSeq'), 10) };
}

beforeAll(async () => {
  server = await startRawSipServer();
  phone = startPhone({
    serverUrl: server.url,
    sipUser: 'agent',
    domain: '127.0.0.1',
    authUser: '',
    password: 'secret',
    displayName: '',
  });
  await phone.waitFor('registered');
});

afterAll(async () => {
  await phone.phone.close();
  await server.close();
});

describe('repeated digest challenges', () => {
  it('answers the proxy (407) and then the PBX (401); the last INVITE carries both', async () => {
    const dialing = await phone.phone.dial('sip:200@127.0.0.1');
    const first = await firstInvite('200');
    server.send(
      answer(first.text, '407 Proxy Authentication Required', [
        'Proxy-Authenticate: Digest realm="proxy", nonce="n1"',
      ]),
    );
    const second = await invite(first.callId, first.cseq + 1);
    expect(header(second, 'Proxy-Authorization')).toMatch(/realm="proxy"/);
    server.send(answer(second, '401 Unauthorized', ['WWW-Authenticate: Digest realm="pbx", nonce="n2"']));
    const third = await invite(first.callId, first.cseq + 2);
    expect(header(third, 'Proxy-Authorization')).toMatch(/realm="proxy".*nonce="n1"/);
    expect(header(third, 'Authorization')).toMatch(/realm="pbx".*nonce="n2"/);
    server.send(answer(third, '486 Busy Here', []));
    const ended = await phone.waitForCall((call) => call.id === dialing.id && call.state === 'ended');
    expect(ended.endReason).toBe('busy');
    expect(listCalls(phone.journal, { limit: 1 })[0]).toMatchObject({ endReason: 'busy', sipStatus: 486 });
    expect(invitesOf(first.callId)).toHaveLength(3);
  });

  it('still stops at a second 401 for the same realm: the call fails with 401', async () => {
    const dialing = await phone.phone.dial('sip:201@127.0.0.1');
    const first = await firstInvite('201');
    server.send(answer(first.text, '401 Unauthorized', ['WWW-Authenticate: Digest realm="pbx", nonce="a"']));
    const second = await invite(first.callId, first.cseq + 1);
    server.send(answer(second, '401 Unauthorized', ['WWW-Authenticate: Digest realm="pbx", nonce="b"']));
    const ended = await phone.waitForCall((call) => call.id === dialing.id && call.state === 'ended');
    expect(ended.endReason).toBe('failed');
    expect(listCalls(phone.journal, { limit: 1 })[0]).toMatchObject({ endReason: 'failed', sipStatus: 401 });
    expect(invitesOf(first.callId)).toHaveLength(2);
  });
});
