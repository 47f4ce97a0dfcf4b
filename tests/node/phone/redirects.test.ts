/**
 * Which Contact of a 3xx is tried next (main/phone/sip/redirects.ts), on responses parsed by
 * sip.js's own parser, hostile ones included: best q first, each address once, sip:/sips: only,
 * a bounded number of hops, nothing for a 3xx without a usable Contact.
 */
import { Core, UserAgent } from 'sip.js';
import { describe, expect, it } from 'vitest';

import { MAX_REDIRECTS, nextRedirect, startTrail } from '../../../main/phone/sip/redirects';

const quiet = { error: () => undefined, warn: () => undefined, log: () => undefined, debug: () => undefined };

function redirect(contacts: string[]): Core.IncomingResponseMessage {
  const text = [
    'SIP/2.0 302 Moved Temporarily',
    'Via: SIP/2.0/WS a.invalid;branch=z9hG4bK1',
    'From: <sip:agent@127.0.0.1>;tag=1',
    'To: <sip:200@127.0.0.1>;tag=2',
    'Call-ID: redirect-test',
    'CSeq: 1 INVITE',
    ...contacts.map((contact) => `Contact: ${contact}`),
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  const message = Core.Parser.parseMessage(text, quiet as never);
  if (!(message instanceof Core.IncomingResponseMessage)) throw new Error('not a response');
  return message;
}

const first = () =>
  startTrail(UserAgent.makeURI('sip:200@127.0.0.1') as NonNullable<ReturnType<typeof UserAgent.makeURI>>);
const next = (contacts: string[], trail = first()) =>
  nextRedirect(redirect(contacts), trail)?.toString() ?? null;

describe('choosing where a 3xx redirects to', () => {
  it('takes the best q-value first, and the first listed among equals', () => {
    expect(next(['<sip:a@h>;q=0.5', '<sip:b@h>;q=0.9', '<sip:c@h>;q=0.9'])).toBe('sip:b@h');
    expect(next(['<sip:a@h>', '<sip:b@h>;q=0.9'])).toBe('sip:a@h'); // no q means 1
    expect(next(['<sip:a@h>, <sip:b@h>;q=2'])).toBe('sip:b@h');
  });

  it('never goes back to an address already tried (any spelling of it), and stops after the bound', () => {
    const trail = first();
    expect(next(['<sip:200@127.0.0.1;transport=ws>'], trail)).toBeNull();
    expect(next(['<sip:200@127.0.0.1>', '<sip:x@h>'], trail)).toBe('sip:x@h');
    expect(next(['<sip:x@H>'], trail)).toBeNull();
    for (let hop = 2; hop <= MAX_REDIRECTS; hop += 1)
      expect(next([`<sip:hop${hop}@h>`], trail)).not.toBeNull();
    expect(next(['<sip:one-more@h>'], trail)).toBeNull();
  });

  it('ignores a 3xx without a Contact, and a q it cannot read (taken as last)', () => {
    expect(next([])).toBeNull();
    expect(next(['<sip:a@h>;q=banana', '<sip:b@h>;q=0.2'])).toBe('sip:b@h');
    const many = Array.from({ length: 500 }, (_, index) => `<sip:u${index}@h>;q=0.${index % 10}`);
    expect(next(many)).toBe('sip:u9@h');
  });

  it('never sees a Contact sip.js cannot parse: tel:, other schemes and garbage drop the whole 3xx', () => {
    for (const contact of ['<tel:+15551234567>', '<mailto:a@b>', '<<<not a uri', '*'])
      expect(() => redirect([contact])).toThrow('not a response');
  });
});
