/**
 * The sip.js patches for hostile input (patches/sip.js+0.21.2.patch), on stock sip.js with no
 * Steadyline guard in front: a Request-URI that is not sip: gets 416 instead of a throw out of the
 * transport; an unparsable CSeq in a response is a parse error, not a TypeError; server
 * transactions match per RFC 3261 17.2.3 (branch + sent-by + method, the RFC 2543 rule without
 * the magic cookie); and a message parsed already can be handed to the user agent.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { EmitterImpl, TransportState, UserAgent, type Invitation } from 'sip.js';
import { Parser } from 'sip.js/lib/core/index.js';
import { describe, expect, it } from 'vitest';

const lib = join(dirname(createRequire(import.meta.url).resolve('sip.js/package.json')), 'lib');

/** The far end of a connected transport: what sip.js sent, and a way to hand it messages. */
class Wire {
  static current: Wire | null = null;
  readonly protocol = 'WS';
  readonly sent: string[] = [];
  readonly stateChange = new EmitterImpl<TransportState>();
  readonly state = TransportState.Connected;
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  constructor() {
    Wire.current = this;
  }
  connect = async () => this.onConnect?.();
  disconnect = async () => undefined;
  dispose = async () => undefined;
  isConnected = () => true;
  send = async (message: string) => void this.sent.push(message);
}

interface Line {
  method?: string;
  uri?: string;
  via?: string;
  callId?: string;
  cseq?: string;
}

const message = ({
  method = 'INVITE',
  uri = 'sip:agent@127.0.0.1',
  via = 'SIP/2.0/WS a.invalid;branch=z9hG4bK-1',
  callId = 'call-1',
  cseq = `1 ${method}`,
}: Line) =>
  [
    method.startsWith('SIP/') ? method : `${method} ${uri} SIP/2.0`,
    `Via: ${via}`,
    'Max-Forwards: 70',
    `From: <sip:caller@127.0.0.1>;tag=from-${callId}`,
    'To: <sip:agent@127.0.0.1>',
    `Call-ID: ${callId}`,
    `CSeq: ${cseq}`,
    'Contact: <sip:caller@127.0.0.1>',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');

async function stockAgent() {
  const invitations: Invitation[] = [];
  const userAgent = new UserAgent({
    uri: UserAgent.makeURI('sip:agent@127.0.0.1'),
    transportConstructor: Wire,
    logBuiltinEnabled: false,
    sendInitialProvisionalResponse: false,
    sessionDescriptionHandlerFactory: () => ({
      getDescription: async () => ({ body: 'v=0\r\n', contentType: 'application/sdp' }),
      hasDescription: () => true,
      setDescription: async () => undefined,
      sendDtmf: () => true,
      close: () => undefined,
    }),
    delegate: { onInvite: (invitation) => invitations.push(invitation) },
  });
  await userAgent.start();
  const wire = Wire.current;
  if (!wire?.onMessage) throw new Error('sip.js did not take the transport');
  const deliver = wire.onMessage;
  /** Status codes sent, with the Call-ID each answers. */
  const answers = () => wire.sent.map((text) => `${text.split(' ')[1]} ${/Call-ID: (\S+)/.exec(text)?.[1]}`);
  return { userAgent, invitations, deliver, answers };
}

describe('sip.js patches for hostile input', () => {
  it('are applied to the installed sip.js', () => {
    const read = (file: string) => readFileSync(join(lib, file), 'utf8');
    expect(read('core/user-agent-core/user-agent-core.js')).toContain('if (!message.ruri || message.ruri.scheme !== "sip")');
    expect(read('core/messages/parser.js')).toContain('if (parsed && message instanceof IncomingResponseMessage)');
    expect(read('core/transactions/server-transaction.js')).toContain('export function serverTransactionId');
    expect(read('api/user-agent.js')).toContain('typeof messageString === "string"');
  });

  it('answers 416 to a tel:, unknown-scheme or unbracketed IPv6 Request-URI instead of throwing', async () => {
    const { userAgent, deliver, answers } = await stockAgent();
    const uris = ['tel:+15551234567', 'urn:service:sos', 'sip:2001:db8::10'];
    uris.forEach((uri, index) => expect(() => deliver(message({ uri, callId: `uri-${index}` }))).not.toThrow());
    expect(answers()).toEqual(['416 uri-0', '416 uri-1', '416 uri-2']);
    await userAgent.stop();
  });

  it('drops a response whose CSeq cannot be parsed, without a TypeError, and goes on', async () => {
    const { userAgent, deliver, answers } = await stockAgent();
    for (const cseq of ['abc', '1', 'abc INVITE', '']) {
      expect(() => deliver(message({ method: 'SIP/2.0 200 OK', cseq }))).not.toThrow();
    }
    deliver(message({ method: 'OPTIONS', callId: 'after' }));
    expect(answers()).toEqual(['200 after']);
    await userAgent.stop();
  });

  it('rings a second caller that reuses a branch from another sent-by, and absorbs a true retransmission', async () => {
    const { userAgent, invitations, deliver, answers } = await stockAgent();
    deliver(message({ callId: 'first', via: 'SIP/2.0/WS one.invalid;branch=z9hG4bK-same' }));
    deliver(message({ callId: 'first', via: 'SIP/2.0/WS one.invalid;branch=z9hG4bK-same' }));
    deliver(message({ callId: 'second', via: 'SIP/2.0/WS two.invalid;branch=z9hG4bK-same' }));
    deliver(message({ callId: 'third', via: 'SIP/2.0/WS two.invalid:5070;branch=z9hG4bK-same' }));
    expect(invitations.map((invitation) => invitation.request.callId)).toEqual(['first', 'second', 'third']);
    deliver(message({ method: 'CANCEL', callId: 'second', via: 'SIP/2.0/WS two.invalid;branch=z9hG4bK-same' }));
    expect(answers()).toContain('487 second');
    expect(answers()).not.toContain('487 first');
    await userAgent.stop();
  });

  it('tells RFC 2543 callers without a branch apart, and still matches their CANCEL and retransmissions', async () => {
    const { userAgent, invitations, deliver, answers } = await stockAgent();
    const via = 'SIP/2.0/WS old.invalid';
    deliver(message({ callId: 'old-1', via }));
    deliver(message({ callId: 'old-2', via }));
    deliver(message({ callId: 'old-1', via }));
    deliver(message({ callId: 'old-3', via: `${via};branch=1234` }));
    expect(invitations.map((invitation) => invitation.request.callId)).toEqual(['old-1', 'old-2', 'old-3']);
    deliver(message({ method: 'CANCEL', callId: 'old-2', via, cseq: '1 CANCEL' }));
    expect(answers()).toEqual(expect.arrayContaining(['200 old-2', '487 old-2']));
    expect(answers()).not.toContain('487 old-1');
    await userAgent.stop();
  });

  it('takes a message that was parsed already', async () => {
    const { userAgent, invitations } = await stockAgent();
    const parsed = Parser.parseMessage(message({ callId: 'pre-parsed' }), console as never);
    (userAgent as unknown as { onTransportMessage(message: unknown): void }).onTransportMessage(parsed);
    expect(invitations.map((invitation) => invitation.request.callId)).toEqual(['pre-parsed']);
    await userAgent.stop();
  });
});
