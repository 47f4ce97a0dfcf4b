/**
 * RFC 4475 3.1.2 (Request-URIs and responses sip.js used to throw on), 3.2 (transaction layer,
 * RFC 3261 17.2.3 matching), 3.3 (application layer: 404/405/415/420/481) and 3.4 (RFC 2543 peers).
 */
import { expect } from 'vitest';

import type { TortureCase } from './case';
import { cancelFor, invite, request, response } from './messages';
import { isCallOf } from './rogue';

/** The phone's own Via host (random per run), so a response reaches sip.js's matching. */
const phoneVia = 'SIP/2.0/WS phone.invalid;branch=z9hG4bK-never-sent';

export const semanticCases: TortureCase[] = [
  ...['tel:+15551234567', 'urn:service:sos', 'sip:2001:db8::10', 'sips:agent@127.0.0.1'].map(
    (uri): TortureCase => ({
      name: `Request-URI ${uri}`,
      category: 'invalid message',
      messages: (id) => [invite(id, { uri })],
      expected: { status: 416 },
    }),
  ),
  ...['abc', '1', ''].map((cseq): TortureCase => ({
    name: `a response with CSeq "${cseq}"`,
    category: 'invalid message',
    messages: (id) => [response(id, 'SIP/2.0 200 OK', { CSeq: cseq, Via: phoneVia })],
    expected: 'drop',
  })),
  {
    name: 'a response without a Via',
    category: 'invalid message',
    messages: (id) => [response(id, 'SIP/2.0 200 OK', { Via: null })],
    expected: 'drop',
  },
  {
    name: 'a response whose body is shorter than its Content-Length',
    category: 'invalid message',
    messages: (id) => [response(id, 'SIP/2.0 200 OK', { 'Content-Length': '400' })],
    expected: 'drop',
  },
  {
    name: 'a 200 OK to a request the phone never sent',
    category: 'transaction layer',
    messages: (id) => [response(id, 'SIP/2.0 200 OK', { Via: phoneVia })],
    expected: 'drop',
  },
  {
    name: 'a response with two Vias',
    category: 'transaction layer',
    messages: (id) => [response(id, 'SIP/2.0 180 Ringing').replace(/^(Via: .*)$/m, '$1\r\n$1')],
    expected: 'drop',
  },
  {
    name: 'an INVITE sent three times rings once',
    category: 'transaction layer',
    async script(rogue, id) {
      const text = invite(id);
      rogue.send(text, text, text);
      await rogue.ringThenDecline(id, text);
      expect(rogue.phone.calls.filter((call) => isCallOf(id)(call) && call.state === 'ringing')).toHaveLength(
        1,
      );
      return 'answered';
    },
  },
  {
    name: 'a second caller reusing a ringing call’s branch from another host rings as its own call',
    category: 'transaction layer',
    async script(rogue, id) {
      const first = invite(`${id}-a`, { set: { Via: `SIP/2.0/WS one.invalid;branch=z9hG4bK-${id}` } });
      const second = invite(`${id}-b`, { set: { Via: `SIP/2.0/WS two.invalid;branch=z9hG4bK-${id}` } });
      rogue.send(first, second);
      await rogue.ringThenDecline(`${id}-a`, first);
      await rogue.ringThenDecline(`${id}-b`, second);
      return 'answered';
    },
  },
  {
    name: 'two RFC 2543 callers without a branch ring apart',
    category: 'backward compatibility',
    async script(rogue, id) {
      const via = { Via: 'SIP/2.0/WS old.invalid' };
      const first = invite(`${id}-a`, { set: via });
      const second = invite(`${id}-b`, { set: via });
      rogue.send(first, second);
      await rogue.ringThenDecline(`${id}-a`, first);
      await rogue.ringThenDecline(`${id}-b`, second);
      return 'answered';
    },
  },
  {
    name: 'CANCEL of a ringing call: 200 for the CANCEL, 487 for the INVITE, the card ends',
    category: 'transaction layer',
    async script(rogue, id) {
      const text = invite(id);
      rogue.send(text);
      await rogue.phone.waitForCall((call) => isCallOf(id)(call) && call.state === 'ringing');
      rogue.send(cancelFor(text));
      await rogue.server.waitFor(
        (sent) => sent.startsWith('SIP/2.0 487') && sent.includes(`Call-ID: ${id}\r`),
      );
      expect(rogue.sentAbout(id).map((sent) => sent.slice(8, 11))).toEqual(
        expect.arrayContaining(['200', '487']),
      );
      await rogue.phone.waitForCall((call) => isCallOf(id)(call) && call.endReason === 'cancelled');
      return 'answered';
    },
  },
  {
    name: 'a merged request (same From tag, Call-ID and CSeq, another branch) while ringing: 482',
    category: 'transaction layer',
    async script(rogue, id) {
      const text = invite(id);
      rogue.send(text, invite(id, { set: { Via: `SIP/2.0/WS rogue.invalid;branch=z9hG4bK-${id}-fork` } }));
      await rogue.server.waitFor(
        (sent) => sent.startsWith('SIP/2.0 482') && sent.includes(`Call-ID: ${id}\r`),
      );
      await rogue.ringThenDecline(id, text);
      return 'answered';
    },
  },
  {
    name: 'CANCEL for no transaction',
    category: 'transaction layer',
    messages: (id) => [request(id, { method: 'CANCEL' })],
    expected: { status: 481 },
  },
  {
    name: 'ACK for no transaction',
    category: 'transaction layer',
    messages: (id) => [request(id, { method: 'ACK', set: { To: '<sip:agent@127.0.0.1>;tag=nothing' } })],
    expected: 'drop',
  },
  {
    name: 'BYE for no dialog',
    category: 'transaction layer',
    messages: (id) => [request(id, { method: 'BYE', set: { To: '<sip:agent@127.0.0.1>;tag=nothing' } })],
    expected: { status: 481 },
  },
  {
    name: 'an INVITE with a To tag for no dialog',
    category: 'transaction layer',
    messages: (id) => [invite(id, { set: { To: '<sip:agent@127.0.0.1>;tag=nothing' } })],
    expected: { status: 481 },
  },
  {
    name: 'an unknown method',
    category: 'application layer',
    messages: (id) => [request(id, { method: 'FROBNICATE' })],
    expected: { status: 405, header: /^Allow: .*INVITE/m },
  },
  {
    name: 'a lower-case method (methods are case-sensitive)',
    category: 'application layer',
    messages: (id) => [request(id, { method: 'invite' })],
    expected: { status: 405 },
  },
  {
    name: 'Require of an extension the phone lacks',
    category: 'application layer',
    messages: (id) => [invite(id, { extra: ['Require: nothingsupportsthis, 100rel'] })],
    expected: { status: 420, header: /^Unsupported: nothingsupportsthis, 100rel\r$/m },
  },
  {
    name: 'Require on an OPTIONS',
    category: 'application layer',
    messages: (id) => [request(id, { method: 'OPTIONS', extra: ['Require: foo'] })],
    expected: { status: 420, header: /^Unsupported: foo\r$/m },
  },
  {
    name: 'an INVITE body in text/html',
    category: 'application layer',
    messages: (id) => [invite(id, { set: { 'Content-Type': 'text/html' } })],
    expected: { status: 415, header: /^Accept: application\/sdp\r$/m },
  },
  {
    name: 'a multipart/mixed INVITE body',
    category: 'application layer',
    messages: (id) => [invite(id, { set: { 'Content-Type': 'multipart/mixed;boundary=x' } })],
    expected: { status: 415 },
  },
  {
    name: 'Content-Encoding: gzip',
    category: 'application layer',
    messages: (id) => [invite(id, { extra: ['Content-Encoding: gzip'] })],
    expected: { status: 415, header: /^Accept-Encoding: identity\r$/m },
  },
  {
    name: 'a body without a Content-Type',
    category: 'application layer',
    messages: (id) => [invite(id, { set: { 'Content-Type': null } })],
    expected: { status: 400 },
  },
  {
    name: 'a Request-URI for someone else',
    category: 'application layer',
    messages: (id) => [invite(id, { uri: 'sip:someone-else@127.0.0.1' })],
    expected: { status: 404 },
  },
  {
    name: 'an OPTIONS',
    category: 'application layer',
    messages: (id) => [request(id, { method: 'OPTIONS' })],
    expected: { status: 200 },
  },
  {
    name: 'an out-of-dialog MESSAGE (sip.js takes it and shows nothing)',
    category: 'application layer',
    messages: (id) => [
      request(id, { method: 'MESSAGE', set: { 'Content-Type': 'text/plain' }, body: 'hello' }),
    ],
    expected: { status: 200 },
  },
  ...['SUBSCRIBE', 'REFER'].map((method): TortureCase => ({
    name: `an out-of-dialog ${method}`,
    category: 'application layer',
    messages: (id) => [request(id, { method })],
    expected: { status: 405 },
  })),
  {
    name: 'an out-of-dialog NOTIFY',
    category: 'application layer',
    messages: (id) => [request(id, { method: 'NOTIFY', extra: ['Event: dialog'] })],
    expected: { status: 481 },
  },
  {
    name: 'no Max-Forwards (RFC 2543)',
    category: 'backward compatibility',
    messages: (id) => [invite(id, { set: { 'Max-Forwards': null } })],
    expected: 'rings',
  },
  {
    name: 'a branch without the magic cookie',
    category: 'backward compatibility',
    messages: (id) => [invite(id, { set: { Via: `SIP/2.0/UDP old.invalid:5060;branch=${id}` } })],
    expected: 'rings',
  },
  {
    name: 'bare LF line ends',
    category: 'backward compatibility',
    messages: (id) => [invite(id).replace(/\r\n/g, '\n')],
    expected: { status: 400 },
  },
];
