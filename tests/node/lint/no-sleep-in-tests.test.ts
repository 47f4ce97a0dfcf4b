/**
 * Proves the rule against sleeping in tests bites (eslint.config.mjs, `noSleepInTests`): a
 * setTimeout-based sleep, Playwright's waitForTimeout or a timers/promises sleep fails lint in
 * tests/, while the allow-list (benchmarks, with their reasons) and deadlines stay allowed.
 */
import { resolve } from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: REPO });

async function sleepMessages(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: resolve(REPO, filePath) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax');
}

const SLEEP = 'export const pause = () => new Promise((resolve) => setTimeout(resolve, 300));\n';
const WAIT_FOR_TIMEOUT =
  "import type { Page } from 'playwright-core';\nexport const idle = (page: Page) => page.waitForTimeout(500);\n";
const TIMERS_PROMISES =
  "import { setTimeout as sleep } from 'node:timers/promises';\nexport const nap = sleep;\n";

describe('no sleeps in tests', () => {
  it.each([
    ['a setTimeout sleep', SLEEP, 'No sleeps in tests'],
    ['waitForTimeout', WAIT_FOR_TIMEOUT, 'No waitForTimeout'],
    ['a timers/promises sleep', TIMERS_PROMISES, 'No timers/promises'],
  ])('fails %s in a node, renderer or e2e test', async (_name, code, message) => {
    for (const file of [
      'tests/node/phone/x.test.ts',
      'tests/renderer/x.test.tsx',
      'tests/e2e/support/x.ts',
    ]) {
      const messages = await sleepMessages(code, file);
      expect(messages, file).toHaveLength(1);
      expect(messages[0]?.message).toContain(message);
    }
  });

  it('allows benchmarks, which measure real time, and deadlines that reject', async () => {
    expect(await sleepMessages(SLEEP, 'tests/bench/sip/x.ts')).toEqual([]);
    const deadline =
      "export const within = (ms: number) =>\n  new Promise((_resolve, reject) => setTimeout(() => reject(new Error('late')), ms));\n";
    expect(await sleepMessages(deadline, 'tests/node/phone/x.test.ts')).toEqual([]);
  });

  it('leaves app code alone (main/ may wait; it uses the injected clock)', async () => {
    expect(await sleepMessages(SLEEP, 'main/phone/x.ts')).toEqual([]);
  });
});
