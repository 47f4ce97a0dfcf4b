/**
 * The sip.js patches for incoming INVITEs (patches/sip.js+0.21.2.patch): merged requests (RFC 3261
 * 8.2.2.2: same From tag, Call-ID and CSeq as a live server transaction, another branch) are found
 * through an index instead of a walk over every live transaction; no 100 Trying is sent when a
 * 180 Ringing follows at once; and a BYE that overtakes the ACK no longer leaves a timer that throws
 * (and would end the process) 32 s later. These tests prove the SIP behaviour is otherwise unchanged.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import {
  EmitterImpl,
  SessionState,
  TransportState,
  UserAgent,
  type Invitation,
  type Transport,
} from 'sip.js';
import { afterEach, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const lib = join(dirname(require.resolve('sip.js/package.json')), 'lib');

/** A transport that records what sip.js sends and lets the test deliver messages. */
class RecordingTransport implements Transport {
  static last: RecordingTransport | null = null;
  readonly protocol = 'WS';
  readonly sent: string[] = [];
  readonly stateChange = new EmitterImpl<TransportState>();
  state = TransportState.Disconnected;
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;

  constructor(_logger: unknown, _options: unknown) {
    RecordingTransport.last = this;
  }
  async connect() {
    this.state = TransportState.Connected;
    this.stateChange.emit(this.state);
    this.onConnect?.();
  }
  async disconnect() {
    this.state = TransportState.Disconnected;
  }
  async dispose() {}
  isConnected() {
    return this.state === TransportState.Connected;
  }
  async send(message: string) {
    this.sent.push(message);
  }
}

interface RequestFields {
  branch: number;
  fromTag?: string;
  toTag?: string;
  callId?: string;
  cseq?: number;
}

const request = (
  method: 'INVITE' | 'ACK' | 'BYE',
  { branch, fromTag = 'caller-tag', toTag, callId = 'call-1', cseq = 1 }: RequestFields,
) =>
  [
    `${method} sip:agent@127.0.0.1 SIP/2.0`,
    `Via: SIP/2.0/WS 127.0.0.1:5060;branch=z9hG4bK-${branch}`,
    'Max-Forwards: 70',
    `From: <sip:caller@127.0.0.1>;tag=${fromTag}`,
    `To: <sip:agent@127.0.0.1>${toTag ? `;tag=${toTag}` : ''}`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq} ${method}`,
    'Contact: <sip:caller@127.0.0.1:5060>',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
const invite = (fields: RequestFields) => request('INVITE', fields);

/** Answers with a fixed SDP offer (the INVITEs here carry none). */
const sdpOnly = () => ({
  getDescription: async () => ({ body: 'v=0\r\n', contentType: 'application/sdp' }),
  hasDescription: () => true,
  setDescription: async () => undefined,
  sendDtmf: () => true,
  close: () => undefined,
});

async function startAgent({ sendInitialProvisionalResponse = false } = {}) {
  const invitations: Invitation[] = [];
  const userAgent = new UserAgent({
    uri: UserAgent.makeURI('sip:agent@127.0.0.1'),
    transportConstructor: RecordingTransport,
    logBuiltinEnabled: false,
    sendInitialProvisionalResponse,
    sessionDescriptionHandlerFactory: sdpOnly,
    delegate: { onInvite: (invitation) => invitations.push(invitation) },
  });
  await userAgent.start();
  const transport = RecordingTransport.last;
  if (!transport) throw new Error('no transport');
  const deliver = (message: string) => transport.onMessage?.(message);
  const statuses = () => transport.sent.map((message) => message.split(' ')[1]);
  return { userAgent, invitations, deliver, statuses };
}

describe('sip.js patches for incoming INVITEs', () => {
  it('are applied to the installed sip.js', () => {
    expect(readFileSync(join(lib, 'core/user-agent-core/user-agent-core.js'), 'utf8')).toContain(
      'this.userAgentServers.hasRequestLike(message)',
    );
    expect(readFileSync(join(lib, 'api/user-agent.js'), 'utf8')).toContain(
      'if (!(invitation.autoSendAnInitialProvisionalResponse && this.delegate',
    );
    expect(readFileSync(join(lib, 'core/dialogs/session-dialog.js'), 'utf8')).toContain(
      'this.ackWait = false;\n        if (this.invite2xxTimer) {',
    );
  });

  it('sends 180 Ringing without a 100 Trying first, and 100 Trying when the app answers itself', async () => {
    const ringing = await startAgent({ sendInitialProvisionalResponse: true });
    ringing.deliver(invite({ branch: 1 }));
    // Once the app has been handed the invitation, the 180 has gone out and no 100 before it.
    await vi.waitFor(() => {
      expect(ringing.invitations).toHaveLength(1);
      expect(ringing.statuses()).toEqual(['180']);
    });
    await ringing.userAgent.stop();

    const quiet = await startAgent({ sendInitialProvisionalResponse: false });
    quiet.deliver(invite({ branch: 1 }));
    expect(quiet.statuses()).toEqual(['100']);
    await quiet.userAgent.stop();
  });

  it('still finds headers by any spelling of their name', async () => {
    const { userAgent, invitations, deliver } = await startAgent();
    deliver(invite({ branch: 1 }));
    const request = invitations[0]?.request;
    expect(request?.getHeader('call-id')).toBe('call-1');
    expect(request?.getHeader('CALL-ID')).toBe('call-1');
    expect(request?.getHeader('cseq')).toBe('1 INVITE');
    expect(request?.getHeader('max_forwards')).toBe('70');
    await userAgent.stop();
  });

  it('answers 482 to a second branch of a live INVITE, and only to that', async () => {
    const { userAgent, invitations, deliver, statuses } = await startAgent();
    deliver(invite({ branch: 1 }));
    expect(invitations).toHaveLength(1);
    deliver(invite({ branch: 2 }));
    expect(statuses().at(-1)).toBe('482');
    expect(invitations).toHaveLength(1);

    deliver(invite({ branch: 3, cseq: 2 }));
    deliver(invite({ branch: 4, callId: 'call-2' }));
    deliver(invite({ branch: 5, fromTag: 'other-tag' }));
    expect(invitations).toHaveLength(4);
    expect(statuses()).not.toContain('500');
    expect(statuses().filter((status) => status === '482')).toHaveLength(1);
    await userAgent.stop();
  });

  it('forgets a server transaction once it has ended', async () => {
    const { userAgent, invitations, deliver, statuses } = await startAgent();
    deliver(invite({ branch: 1 }));
    await invitations[0]?.reject({ statusCode: 486 });
    // A reliable transport ends the transaction on the ACK for a failure response (Timer I = 0).
    deliver(request('ACK', { branch: 1, toTag: invitations[0]?.request.toTag }));
    await vi.waitFor(() => expect(userAgent.userAgentCore.userAgentServers.size).toBe(0));

    deliver(invite({ branch: 2 }));
    expect(statuses()).not.toContain('482');
    expect(invitations).toHaveLength(2);
    await userAgent.stop();
  });

  describe('a BYE that overtakes the ACK (a proxy reordered them)', () => {
    afterEach(() => vi.useRealTimers());

    it('ends the call, and 32 s later the missing ACK no longer throws', async () => {
      vi.useFakeTimers();
      const { userAgent, invitations, deliver, statuses } = await startAgent();
      deliver(invite({ branch: 1 }));
      const invitation = invitations[0];
      await invitation?.accept();
      const toTag = invitation?.request.toTag;
      deliver(request('BYE', { branch: 2, toTag, cseq: 2 }));
      expect(statuses()).toEqual(['100', '200', '200']);
      expect(invitation?.state).toBe(SessionState.Terminated);
      deliver(request('ACK', { branch: 1, toTag }));

      expect(() => vi.advanceTimersByTime(64 * 500 + 1000)).not.toThrow();
      expect(userAgent.userAgentCore.userAgentServers.size).toBe(0);
      await userAgent.stop();
    });
  });
});
