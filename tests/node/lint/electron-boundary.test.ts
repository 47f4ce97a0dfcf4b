/**
 * Proves the architecture's lint rules bite: services in main/ may not import electron or sip.js,
 * and the shell may not import the test bridge. Lints fixtures as if they lived at those paths.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: REPO });
const electronFixture = readFileSync(
  resolve(REPO, 'tests/fixtures/lint/service-imports-electron.ts'),
  'utf8',
);

async function restrictedImportMessages(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: resolve(REPO, filePath) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports');
}

describe('architecture lint rules', () => {
  it('fails a service in main/ that imports electron', async () => {
    const messages = await restrictedImportMessages(electronFixture, 'main/journal/imports-electron.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.message).toContain('Only main/shell/');
  });

  it('allows the same import in the shell', async () => {
    expect(await restrictedImportMessages(electronFixture, 'main/shell/imports-electron.ts')).toEqual([]);
  });

  it('fails sip.js outside main/phone/sip/', async () => {
    const code = "import { UserAgent } from 'sip.js';\nexport const ua = UserAgent;\n";
    expect(await restrictedImportMessages(code, 'main/journal/uses-sip.ts')).toHaveLength(1);
    expect(await restrictedImportMessages(code, 'main/phone/sip/adapter.ts')).toEqual([]);
  });

  it('fails the shell importing the test bridge', async () => {
    const code =
      "import { startTestBridge } from '../devtools/test-bridge';\nexport const start = startTestBridge;\n";
    expect(await restrictedImportMessages(code, 'main/shell/wires-bridge.ts')).toHaveLength(1);
  });
});
