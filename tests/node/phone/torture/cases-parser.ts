/**
 * RFC 4475 3.1.1 (valid messages a parser finds hard: they must work) and 3.1.2 (invalid messages:
 * answered 400/416/505 when they carry enough to answer, dropped when they do not).
 */
import { crlf, type TortureCase } from './case';
import { invite, request, response, SDP_OFFER } from './messages';

const sdpLength = Buffer.byteLength(SDP_OFFER);
const without = (header: string) => (id: string) => [invite(id, { set: { [header]: null } })];

export const parserCases: TortureCase[] = [
  {
    name: 'compact header names (v, f, t, i, m, c, l)',
    category: 'parser torture',
    messages: (id) => [
      crlf(
        'INVITE sip:agent@127.0.0.1 SIP/2.0',
        `v: SIP/2.0/WS rogue.invalid;branch=z9hG4bK-${id}`,
        'Max-Forwards: 70',
        `f: <sip:rogue@127.0.0.1>;tag=f-${id}`,
        't: <sip:agent@127.0.0.1>',
        `i: ${id}`,
        'CSeq: 1 INVITE',
        'm: <sip:rogue@127.0.0.1>',
        'c: application/sdp',
        `l: ${sdpLength}`,
        '',
        SDP_OFFER,
      ),
    ],
    expected: 'rings',
  },
  {
    name: 'header names in mixed case',
    category: 'parser torture',
    messages: (id) => [
      invite(id)
        .replace(/^Via:/m, 'vIA:')
        .replace(/^Call-ID:/m, 'cAlL-iD:')
        .replace(/^CSeq:/m, 'cseq:'),
    ],
    expected: 'rings',
  },
  {
    name: 'white space around colons and a header folded over three lines',
    category: 'parser torture',
    messages: (id) => [
      invite(id, { extra: ['Subject   :   a subject\r\n   folded once\r\n\tand twice'] }).replace(
        /^Max-Forwards: 70/m,
        'Max-Forwards   :\t70',
      ),
    ],
    expected: 'rings',
  },
  {
    name: 'a Via with received, rport, maddr, ttl and an IPv6 sent-by',
    category: 'parser torture',
    messages: (id) => [
      invite(id, {
        set: {
          Via: `SIP/2.0/WS [2001:db8::9]:8443;received=2001:db8::9;rport;maddr=[2001:db8::1];ttl=1;branch=z9hG4bK-${id}`,
        },
      }),
    ],
    expected: 'rings',
  },
  {
    name: 'a quoted display name with escaped quotes, backslashes and Hebrew',
    category: 'parser torture',
    messages: (id) => [
      invite(id, { set: { From: `"\\"Dana\\" \\\\ דנה כהן" <sip:rogue@127.0.0.1>;tag=f-${id}` } }),
    ],
    expected: 'rings',
  },
  {
    name: 'every token character in an unknown header, and an empty header',
    category: 'parser torture',
    messages: (id) => [invite(id, { extra: ["X-Weird-!%*_+`'~: !#$%&'*+-.^_`|~ value", 'Subject:'] })],
    expected: 'rings',
  },
  {
    name: 'an OPTIONS through 60 Via hops: all copied back in order',
    category: 'parser torture',
    messages: (id) => [
      request(id, {
        method: 'OPTIONS',
        extra: Array.from(
          { length: 59 },
          (_, hop) => `Via: SIP/2.0/UDP hop${hop}.invalid;branch=z9hG4bK-${hop}`,
        ),
      }),
    ],
    expected: { status: 200, header: /^Via: SIP\/2\.0\/UDP hop58\.invalid;branch=z9hG4bK-58\r$/m },
  },
  {
    name: 'a 4,000-character Call-ID',
    category: 'parser torture',
    async script(rogue, id) {
      const longId = `${id}-${'c'.repeat(4_000)}`;
      const text = invite(longId);
      rogue.send(text);
      await rogue.ringThenDecline(longId, text);
      return 'answered';
    },
  },
  {
    name: 'Request-URI parameters (transport, lr, a flag)',
    category: 'parser torture',
    messages: (id) => [invite(id, { uri: 'sip:agent@127.0.0.1;transport=ws;lr;flag' })],
    expected: 'rings',
  },
  {
    name: 'no Content-Length (optional over WebSocket, RFC 7118)',
    category: 'parser torture',
    messages: without('Content-Length'),
    expected: 'rings',
  },
  {
    name: 'blank lines after the body',
    category: 'parser torture',
    messages: (id) => [`${invite(id)}\r\n\r\n`],
    expected: 'rings',
  },
  {
    name: 'a To display name with a comma and From parameters without values',
    category: 'parser torture',
    messages: (id) => [
      invite(id, {
        set: {
          To: '"Agent, the" <sip:agent@127.0.0.1>',
          From: `<sip:rogue@127.0.0.1>;tag=f-${id};flag;other=value`,
        },
      }),
    ],
    expected: 'rings',
  },
  {
    name: 'an OPTIONS with an Accept list and q-values',
    category: 'parser torture',
    messages: (id) => [
      request(id, { method: 'OPTIONS', extra: ['Accept: application/sdp;q=0.5, */*;q=0.1'] }),
    ],
    expected: { status: 200 },
  },
  {
    name: 'SIP/7.0',
    category: 'invalid message',
    messages: (id) => [invite(id, { version: 'SIP/7.0' })],
    expected: { status: 505 },
  },
  {
    name: 'SIP/2.1',
    category: 'invalid message',
    messages: (id) => [request(id, { method: 'OPTIONS', version: 'SIP/2.1' })],
    expected: { status: 505 },
  },
  {
    name: 'a response in SIP/1.0',
    category: 'invalid message',
    messages: (id) => [response(id, 'SIP/1.0 200 OK')],
    expected: 'drop',
  },
  {
    name: 'Content-Length larger than the body',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { 'Content-Length': String(sdpLength + 100) } })],
    expected: { status: 400 },
  },
  {
    name: 'Content-Length smaller than the body',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { 'Content-Length': '20' } })],
    expected: { status: 400 },
  },
  {
    name: 'a negative Content-Length',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { 'Content-Length': '-5' } })],
    expected: { status: 400 },
  },
  {
    name: 'a Content-Length that is not a number',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { 'Content-Length': 'abc' } })],
    expected: { status: 400 },
  },
  {
    name: 'two different Content-Lengths',
    category: 'invalid message',
    messages: (id) => [invite(id, { extra: ['Content-Length: 3'] })],
    expected: { status: 400 },
  },
  {
    name: 'a CSeq number that is not a number',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { CSeq: 'abc INVITE' } })],
    expected: { status: 400, header: /^CSeq: abc INVITE\r$/m },
  },
  {
    name: 'a CSeq number past 2^31',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { CSeq: '36893488147419103232 INVITE' } })],
    expected: { status: 400, header: /^CSeq: 36893488147419103232 INVITE\r$/m },
  },
  {
    name: 'a CSeq method that is not the request method',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { CSeq: '1 OPTIONS' } })],
    expected: { status: 400 },
  },
  {
    name: 'unbalanced quotes in the From display name',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { From: `"Rogue <sip:rogue@127.0.0.1>;tag=f-${id}` } })],
    expected: { status: 400 },
  },
  {
    name: 'two spaces around the Request-URI',
    category: 'invalid message',
    messages: (id) => [
      invite(id).replace(/^INVITE sip:agent@127\.0\.0\.1 SIP/, 'INVITE  sip:agent@127.0.0.1  SIP'),
    ],
    expected: { status: 400 },
  },
  {
    name: 'a space inside the Request-URI',
    category: 'invalid message',
    messages: (id) => [invite(id, { uri: 'sip:agent with space@127.0.0.1' })],
    expected: { status: 400 },
  },
  { name: 'no Call-ID', category: 'invalid message', messages: without('Call-ID'), expected: 'drop' },
  { name: 'no From', category: 'invalid message', messages: without('From'), expected: 'drop' },
  { name: 'no CSeq', category: 'invalid message', messages: without('CSeq'), expected: 'drop' },
  { name: 'no Via', category: 'invalid message', messages: without('Via'), expected: 'drop' },
  { name: 'no To', category: 'invalid message', messages: without('To'), expected: 'drop' },
  {
    name: 'a first line that is not SIP, with every header to answer it',
    category: 'invalid message',
    messages: (id) => [invite(id).replace(/^[^\r]*/, 'THIS IS NOT SIP')],
    expected: { status: 400 },
  },
  {
    name: 'text without a line end',
    category: 'invalid message',
    messages: (id) => [`INVITE sip:agent@127.0.0.1 SIP/2.0 Call-ID: ${id}`],
    expected: 'drop',
  },
  {
    name: 'control characters and NULs',
    category: 'invalid message',
    messages: (id) => [`\u0000\u0001\u0002\u001b[2J${id}\u0000\r\n\u0007\r\n\r\n`],
    expected: 'drop',
  },
  {
    name: 'a header line without a colon',
    category: 'invalid message',
    messages: (id) => [invite(id, { extra: ['Subject no colon here'] })],
    expected: { status: 400 },
  },
  {
    name: 'a Max-Forwards that is not a number',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { 'Max-Forwards': 'seventy' } })],
    expected: { status: 400 },
  },
  {
    name: 'a Content-Type without a subtype',
    category: 'invalid message',
    messages: (id) => [invite(id, { set: { 'Content-Type': 'application' } })],
    expected: { status: 400 },
  },
];
