/**
 * The sip.js grammar patches (patches/sip.js+0.21.2.patch) keep the decoded parser tables across
 * parses, and stop character-class tests at the end of the input (where none can match) so V8 keeps
 * the parser loop optimised. These tests prove they are applied and change no parse result.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { Grammar, NameAddrHeader, URI } from 'sip.js';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const grammarFile = join(
  dirname(require.resolve('sip.js/package.json')),
  'lib/grammar/pegjs/dist/grammar.js',
);

describe('sip.js grammar patch', () => {
  it('is applied to the installed sip.js', () => {
    const grammar = readFileSync(grammarFile, 'utf8');
    expect(grammar).toContain('peg$decodedBytecode || (peg$decodedBytecode = [');
    expect(grammar).toContain('if (peg$currPos < input.length && peg$consts[bc[ip + 1]].test(');
  });

  it('parses values that end inside a character class, and refuses ones cut short', () => {
    expect(Grammar.parse('70', 'Max_Forwards')).toBe(70);
    expect(Grammar.URIParse('sip:agent@127.0.0.1:5060')?.port).toBe(5060);
    expect(Grammar.URIParse('sip:agent@pbx.example.org')?.host).toBe('pbx.example.org');
    expect(Grammar.parse('sip:agent@', 'SIP_URI')).toBe(-1);
    expect(Grammar.parse('', 'Max_Forwards')).toBe(-1);
  });

  it('parses interleaved headers of different kinds correctly, again and again', () => {
    for (let round = 0; round < 50; round += 1) {
      const contact = Grammar.nameAddrHeaderParse(
        `"Agent ${round}" <sip:agent${round}@127.0.0.1;transport=ws>`,
      );
      const uri = Grammar.URIParse(`sip:+97250${round}@pbx.example.org:5061;user=phone`);
      const hebrew = Grammar.nameAddrHeaderParse('"דנה כהן" <sip:1001@pbx.example.org>');
      expect(contact).toBeInstanceOf(NameAddrHeader);
      expect(contact?.displayName).toBe(`Agent ${round}`);
      expect(contact?.uri.user).toBe(`agent${round}`);
      expect(uri).toBeInstanceOf(URI);
      expect(uri?.user).toBe(`+97250${round}`);
      expect(uri?.port).toBe(5061);
      expect(hebrew?.displayName).toBe('דנה כהן');
    }
  });

  it('still rejects what is not SIP', () => {
    expect(Grammar.URIParse('http://example.org/')).toBeUndefined();
    expect(Grammar.nameAddrHeaderParse('<<<')).toBeUndefined();
  });
});
