/**
 * The inbound guard on its own, in front of a stand-in for sip.js's user agent: what it hands on,
 * answers and drops is counted, and an exception from behind it never leaves the transport handler.
 */
import type { UserAgent } from 'sip.js';
import { describe, expect, it } from 'vitest';

import { installInboundGuard, LOG_BUDGET_PER_MINUTE } from '../../../../main/phone/sip/inbound-guard';
import { createLogger } from '../../../../main/logging/logger';
import { collectingDestination } from '../../../support/collecting-destination';

import { invite, request, response } from './messages';

function guarded(onTransportMessage: (message: unknown) => void) {
  const sent: string[] = [];
  const transport = {
    onMessage: undefined as ((text: string) => void) | undefined,
    send: async (text: string) => void sent.push(text),
  };
  const userAgent = {
    transport,
    userAgentCore: { configuration: { supportedOptionTags: ['outbound'] } },
    onTransportMessage,
  };
  const log = collectingDestination();
  let time = 0;
  const counts = installInboundGuard(userAgent as unknown as UserAgent, {
    logger: createLogger({ destination: log, level: 'warn' }),
    now: () => time,
  });
  const deliver = (text: string) => transport.onMessage?.(text);
  const advance = (ms: number) => (time += ms);
  return { counts, sent, log, deliver, advance };
}

describe('the inbound guard', () => {
  it('hands well-formed messages on parsed, once each', () => {
    const handed: unknown[] = [];
    const { counts, deliver, sent } = guarded((message) => handed.push(message));
    deliver(invite('ok-1'));
    deliver(response('ok-2', 'SIP/2.0 200 OK'));
    expect(handed.map((message) => (message as { callId: string }).callId)).toEqual(['ok-1', 'ok-2']);
    expect(counts).toEqual({ passed: 2, answered: 0, dropped: 0, threw: 0 });
    expect(sent).toEqual([]);
  });

  it('catches what the user agent throws: logged, counted, never thrown on', () => {
    const { counts, deliver, log } = guarded(() => {
      throw new TypeError('sip.js fell over');
    });
    expect(() => deliver(request('throws', { method: 'OPTIONS' }))).not.toThrow();
    expect(counts.threw).toBe(1);
    expect(log.text()).toContain('made the phone engine throw');
    expect(log.text()).toContain('TypeError: sip.js fell over');
  });

  it('answers, or drops, without bothering the user agent', () => {
    const handed: unknown[] = [];
    const { counts, deliver, sent } = guarded((message) => handed.push(message));
    deliver(invite('old', { version: 'SIP/3.0' }));
    deliver(invite('no-call-id', { version: 'SIP/3.0', set: { 'Call-ID': null } }));
    deliver(request('ack', { method: 'ACK', set: { CSeq: 'x ACK' } }));
    expect(handed).toEqual([]);
    expect(sent.map((text) => text.split('\r\n')[0])).toEqual(['SIP/2.0 505 Version Not Supported']);
    expect(counts).toEqual({ passed: 0, answered: 1, dropped: 2, threw: 0 });
  });

  it('logs at most its budget of verdicts a minute, then says how many went unlogged', () => {
    const { counts, deliver, log, advance } = guarded(() => undefined);
    const flood = LOG_BUDGET_PER_MINUTE + 50;
    for (let n = 0; n < flood; n += 1) deliver(`garbage ${n}\r\n\r\n`);
    expect(counts.dropped).toBe(flood);
    const verdicts = () =>
      log.lines().filter((line) => line.includes('dropped a malformed SIP message')).length;
    expect(verdicts()).toBe(LOG_BUDGET_PER_MINUTE);
    advance(60_000);
    deliver('garbage again\r\n\r\n');
    expect(log.text()).toContain('"unlogged":50');
    expect(verdicts()).toBe(LOG_BUDGET_PER_MINUTE + 1);
  });
});
