/**
 * The rogue registrar and the registered Steadyline engine under test, with the proofs each case
 * needs: the answer to a message, a drop (the next message is answered and the dropped one never
 * is, as the phone handles one WebSocket message after another), and a call that still rings.
 */
import { createLogger } from '../../../../main/logging/logger';
import { collectingDestination } from '../../../support/collecting-destination';
import { startPhone, type PhoneUnderTest } from '../support/phone-under-test';
import { startRawSipServer, type RawSipServer } from '../support/raw-sip-server';

import { ackFor, invite, request } from './messages';

export interface Rogue {
  server: RawSipServer;
  phone: PhoneUnderTest;
  /** Lines the engine logged (warnings and errors). */
  log: ReturnType<typeof collectingDestination>;
  send(...texts: string[]): void;
  /** The first answer to `id` other than 100 Trying. */
  answerTo(id: string): Promise<{ status: number; text: string }>;
  /** Every message the phone sent about `id`. */
  sentAbout(id: string): string[];
  /** Proves `id` was dropped: a later OPTIONS is answered and nothing ever answered `id`. */
  expectDropped(id: string): Promise<void>;
  /** Waits for `id` to ring (180 and a ringing card), then declines it and ACKs the 603. */
  ringThenDecline(id: string, inviteText: string): Promise<void>;
  close(): Promise<void>;
}

/** The card of the call whose Call-ID is `id` (sip.js's handle: Call-ID + From tag, which is `f-<id>` here). */
export const isCallOf = (id: string) => (state: { id: string }) => state.id === `${id}f-${id}`;

const callIdLine = (id: string) =>
  new RegExp(`^(Call-ID|i): ${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\r?$`, 'mi');
const statusOf = (text: string) => Number(/^SIP\/2\.0 (\d{3})/.exec(text)?.[1] ?? 0);

export async function startRogue(): Promise<Rogue> {
  const server = await startRawSipServer();
  const log = collectingDestination();
  const phone = startPhone(
    {
      serverUrl: server.url,
      sipUser: 'agent',
      domain: '127.0.0.1',
      authUser: '',
      password: 'x',
      displayName: '',
    },
    createLogger({ destination: log, level: 'warn' }),
  );
  await phone.waitFor('registered');
  const sentAbout = (id: string) => server.received.filter((text) => callIdLine(id).test(text));
  const answerWhere = async (id: string, accept: (status: number) => boolean) => {
    const matches = (text: string) => callIdLine(id).test(text) && accept(statusOf(text));
    const text = await server.waitFor(matches);
    return { status: statusOf(text), text };
  };
  return {
    server,
    phone,
    log,
    send: (...texts) => texts.forEach((text) => server.send(text)),
    sentAbout,
    answerTo: (id) => answerWhere(id, (status) => status > 100),
    async expectDropped(id) {
      server.send(request(`${id}-after`, { method: 'OPTIONS' }));
      await answerWhere(`${id}-after`, (status) => status === 200);
      if (sentAbout(id).length > 0) throw new Error(`${id} was answered: ${sentAbout(id)[0]?.slice(0, 80)}`);
    },
    async ringThenDecline(id, inviteText) {
      await answerWhere(id, (status) => status === 180);
      const call = await phone.waitForCall((state) => isCallOf(id)(state) && state.state === 'ringing');
      phone.phone.decline(call.id, false);
      const declined = await answerWhere(id, (status) => status === 603);
      server.send(ackFor(inviteText, declined.text));
      await phone.waitForCall((state) => state.id === call.id && state.state === 'ended');
    },
    async close() {
      await phone.phone.close();
      await server.close();
    },
  };
}

/** A valid call right after a case: it rings, is declined and ends. */
export async function validCallWorks(rogue: Rogue, id: string): Promise<void> {
  const text = invite(id);
  rogue.send(text);
  await rogue.ringThenDecline(id, text);
}

/** A whole call: answered by the agent, ACKed, then hung up by the caller (BYE answered 200). */
export async function fullCallWorks(rogue: Rogue, id: string): Promise<void> {
  const text = invite(id);
  rogue.send(text);
  const call = await rogue.phone.waitForCall((state) => isCallOf(id)(state) && state.state === 'ringing');
  await rogue.phone.phone.answer(call.id);
  const ok = await rogue.server.waitFor((sent) => callIdLine(id).test(sent) && statusOf(sent) === 200);
  const inDialog = (method: string, cseq: number) =>
    ackFor(text, ok)
      .replace(/^ACK \S+/, `${method} ${/^Contact: <([^>]+)>/m.exec(ok)?.[1] ?? 'sip:agent@127.0.0.1'}`)
      .replace(/branch=[^;\r]+/, `branch=z9hG4bK-${id}-${method}`)
      .replace(/^CSeq: .*$/m, `CSeq: ${cseq} ${method}`);
  rogue.send(inDialog('ACK', 1));
  await rogue.phone.waitForCall((state) => state.id === call.id && state.state === 'active');
  rogue.send(inDialog('BYE', 2));
  await rogue.server.waitFor((sent) => callIdLine(id).test(sent) && /^CSeq: 2 BYE\r$/m.test(sent));
  await rogue.phone.waitForCall((state) => state.id === call.id && state.endReason === 'remote-hangup');
}
