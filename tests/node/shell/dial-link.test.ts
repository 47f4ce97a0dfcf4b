/** tel:, sip: and callto: links from outside: plain numbers and SIP addresses accepted, everything else refused. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { dialLinkFromArgv, parseDialLink } from '../../../main/shell/dial-link';
import { normaliseDialTarget } from '../../../main/phone/dial-target';

describe('dial links', () => {
  it.each([
    ['tel:+972-3-123-4567', '+97231234567'],
    ['tel:(03)%20555%201234', '035551234'],
    ['TEL:1001', '1001'],
    ['callto:+44.20.7946.0000', '+442079460000'],
    ['callto://1001', '1001'],
    ['sip:1001@pbx.example.org', 'sip:1001@pbx.example.org'],
    ['sip:dana.levi@PBX.Example.org', 'sip:dana.levi@pbx.example.org'],
    ['tel:*72#', '*72#'],
  ])('%s → %s', (link, target) => {
    expect(parseDialLink(link)?.target).toBe(target);
  });

  it.each([
    ['embedded headers', 'sip:1001@pbx.example.org?Subject=x&Call-Info=<http://evil>'],
    ['a header after an encoded newline', 'sip:1001@pbx.example.org%0D%0AVia:%20x'],
    ['URI parameters', 'sip:1001@pbx.example.org;transport=tcp;maddr=10.0.0.1'],
    ['tel parameters', 'tel:1001;phone-context=evil.example'],
    ['another scheme', 'https://evil.example/?tel:1001'],
    ['javascript', 'javascript:alert(1)//tel:1'],
    ['file', 'file:///etc/passwd'],
    ['a control character', 'tel:100\u00071'],
    ['an encoded NUL', 'tel:1001%00'],
    ['a right-to-left override', 'tel:+1\u202e0987'],
    ['an encoded bidi isolate', 'tel:1001%E2%81%A6'],
    ['a zero-width space', 'sip:10\u200b01@pbx.example.org'],
    ['double encoding', 'tel:%2531001'],
    ['broken encoding', 'tel:%E0%A4%A'],
    ['two @', 'sip:a@b@c.example'],
    ['a tel with @', 'tel:1001@pbx.example.org'],
    ['letters in a number', 'tel:1-800-FLOWERS'],
    ['an empty number', 'tel:'],
    ['too many digits', `tel:${'1'.repeat(33)}`],
    ['very long input', `tel:${'1-'.repeat(200)}`],
    ['a megabyte', `sip:${'a'.repeat(1_000_000)}@x.example`],
    ['a host with a port trick', 'sip:1001@pbx.example.org:5060@evil'],
    ['quotes', 'sip:"1001"@pbx.example.org'],
  ])('refuses %s', (_name, link) => {
    expect(parseDialLink(link)).toBeNull();
  });

  it('whatever it accepts is something the dialler takes as it is (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('tel:', 'sip:', 'callto:', 'sips:'),
        fc.string({ maxLength: 300, unit: 'binary' }),
        (scheme, rest) => {
          const link = parseDialLink(scheme + rest);
          if (!link) return;
          expect(link.target).toMatch(/^(\+?[0-9*#]{1,32}|sips?:[A-Za-z0-9._+-]+@[a-z0-9.-]+)$/);
          expect(normaliseDialTarget(link.target, 'pbx.example.org')).not.toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the link among the arguments Windows and Linux pass', () => {
    expect(dialLinkFromArgv(['steadyline.exe', '--flag', 'tel:1001'])?.target).toBe('1001');
    expect(dialLinkFromArgv(['steadyline.exe', 'tel:1001?x=y'])).toBeNull();
    expect(dialLinkFromArgv(['steadyline.exe', '--data-dir=x'])).toBeNull();
  });
});
