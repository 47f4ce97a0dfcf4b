/**
 * More of RFC 4475 3.1 and 3.3: overlarge scalar values, two messages in one frame, escaped
 * Request-URIs, odd status codes, and what a caller's identity looks like on the card.
 */
import { expect } from 'vitest';

import type { TortureCase } from './case';
import { invite, request, response } from './messages';
import { isCallOf } from './rogue';

export const scalarCases: TortureCase[] = [
  {
    name: 'Max-Forwards 300 (RFC 4475 3.1.2.4)',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { 'Max-Forwards': '300' } })],
    expected: { status: 400 },
  },
  {
    name: 'Expires 10000000000000000 (RFC 4475 3.1.2.4)',
    category: 'invalid message',
    messages: (id) => [invite(id, { extra: ['Expires: 10000000000000000'] })],
    expected: { status: 400 },
  },
  {
    name: 'two requests in one WebSocket frame',
    category: 'invalid message',
    messages: (id) => [
      `${request(id, { method: 'OPTIONS' })}${request(`${id}-second`, { method: 'OPTIONS' })}`,
    ],
    expected: { status: 400 },
  },
  {
    name: 'a Request-URI with an escaped user part (%61gent is agent, RFC 3261 19.1.4)',
    category: 'parser torture',
    messages: (id) => [invite(id, { uri: 'sip:%61gent@127.0.0.1' })],
    expected: 'rings',
  },
  {
    name: 'an INVITE without a Contact (RFC 3261 8.1.1.8: it must have one)',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { Contact: null } })],
    expected: { status: 400 },
  },
  {
    name: 'a response with status 99',
    category: 'invalid message',
    messages: (id) => [response(id, 'SIP/2.0 99 Too Small')],
    expected: 'drop',
  },
  {
    name: 'a response with status 1000',
    category: 'invalid message',
    messages: (id) => [response(id, 'SIP/2.0 1000 Too Big')],
    expected: 'drop',
  },
  {
    name: 'an Authorization with an unknown scheme on an INVITE (no challenge was sent)',
    category: 'application layer',
    messages: (id) => [invite(id, { extra: ['Authorization: NoOneKnows realm="x", param=1'] })],
    expected: 'rings',
  },
  {
    name: 'an OPTIONS with Max-Forwards 0 (it is for us: answered)',
    category: 'application layer',
    messages: (id) => [request(id, { method: 'OPTIONS', set: { 'Max-Forwards': '0' } })],
    expected: { status: 200 },
  },
  {
    name: 'a P-Asserted-Identity in Hebrew with an escaped quote is what the card shows',
    category: 'application layer',
    async script(rogue, id) {
      const text = invite(id, {
        extra: ['P-Asserted-Identity: "מוקד \\"חירום\\" צפון" <sip:1200@127.0.0.1>'],
      });
      rogue.send(text);
      const call = await rogue.phone.waitForCall(isCallOf(id));
      expect(call.remote).toEqual({ uri: 'sip:1200@127.0.0.1', displayName: 'מוקד "חירום" צפון' });
      await rogue.ringThenDecline(id, text);
      return 'answered';
    },
  },
  {
    name: 'a 7,000-character branch and tag (within the header limit) rings',
    category: 'oversize',
    messages: (id) => [
      invite(id, {
        set: {
          Via: `SIP/2.0/WS rogue.invalid;branch=z9hG4bK-${id}-${'b'.repeat(7_000)}`,
          To: `<sip:agent@127.0.0.1>;x-long=${'v'.repeat(7_000)}`,
        },
      }),
    ],
    expected: 'rings',
  },
];
