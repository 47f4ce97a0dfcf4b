/**
 * The sip.js grammar patch (patches/sip.js+0.21.2.patch) keeps the decoded parser tables across
 * parses. These tests prove it is applied and that parses stay independent of each other.
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
    expect(readFileSync(grammarFile, 'utf8')).toContain('peg$decodedBytecode || (peg$decodedBytecode = [');
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
