/**
 * "Export diagnostics" through the router of a real core: the zip holds logs, the effective policy
 * and settings without secrets, versions and state — and none of the canaries: the password, a
 * journal note, a caller's number and name, the enrollment code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { createCore } from '../../../main/core/create-core';
import { TestOnlyCipher } from '../../../main/devtools/test-only-cipher';
import { createLogger } from '../../../main/logging/logger';
import { createRotatingFile } from '../../../main/logging/rotating-file';
import { SdpOnlyMediaEngine } from '../../../main/phone/sdp-only-media-engine';
import { resolvePolicy } from '../../../main/policy/resolve';
import { createConfStore } from '../../../main/settings/conf-store';

const PASSWORD = 'canary-Pa55-zq81x';
const NOTE = 'canary-note-the-caller-shouted';
const CALLER = '+972541234567';
const CALLER_NAME = 'Canary Caller';
const ENROLLMENT = 'CANARY-ENROLL-77';

describe('Export diagnostics', () => {
  it('writes a zip with logs, policy, settings and state, and no canary', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'steadyline-diag-'));
    const logsDir = mkdtempSync(join(tmpdir(), 'steadyline-diag-logs-'));
    const logFile = createRotatingFile({
      file: join(logsDir, 'main.log'),
      maxBytes: 1 << 20,
      keep: 2,
      level: 'debug',
    });
    const logger = createLogger({ destination: logFile, level: 'debug' });
    const policy = resolvePolicy(
      [
        {
          source: 'test',
          raw: {
            locked: { SummaryEnrollmentCode: ENROLLMENT, LogLevel: 'debug', BreakMinimumSeconds: 'x' },
            recommended: {},
          },
        },
      ],
      { username: 'dana', env: {} },
    );
    const core = createCore({
      dataDir,
      settingsStore: createConfStore({ cwd: dataDir }),
      cipher: new TestOnlyCipher(),
      logger,
      version: '9.9.9',
      media: new SdpOnlyMediaEngine(),
      policy: { current: () => policy, onChange: () => () => undefined },
      diagnostics: {
        logFiles: () => logFile.files(),
        policy: () => policy,
        facts: () => ({ electron: '45.0.0' }),
        outputDir: join(dataDir, 'out'),
      },
    });
    try {
      const call = async (channel: string, payload?: unknown) => {
        const result = (await core.router.handle(channel, payload)) as {
          ok: boolean;
          value?: unknown;
          error?: unknown;
        };
        expect(result.ok, JSON.stringify(result.error)).toBe(true);
        return result.value;
      };
      await call('settings:saveAccount', {
        serverUrl: 'ws://127.0.0.1:9/ws',
        sipUser: '1001',
        domain: '',
        authUser: '',
        password: PASSWORD,
        displayName: 'Dana',
      });
      // What other modules might log about a call: a caller in fields and in the message.
      logger.info({ remote: CALLER, displayName: CALLER_NAME, note: NOTE }, `incoming call from ${CALLER}`);
      logger.warn({ password: PASSWORD }, 'never');
      writeFileSync(join(dataDir, 'journal-note.txt'), NOTE);
      const { file } = (await call('app:exportDiagnostics')) as { file: string };
      const entries = unzipSync(readFileSync(file));
      expect(Object.keys(entries).sort()).toEqual([
        'README.txt',
        'logs/main.log',
        'policy.json',
        'settings.json',
        'state.json',
      ]);
      const text = Object.fromEntries(
        Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]),
      );
      expect(JSON.parse(text['state.json'] ?? '')).toMatchObject({
        electron: '45.0.0',
        registration: { state: expect.any(String) },
      });
      expect(JSON.parse(text['policy.json'] ?? '')).toMatchObject({
        entries: { LogLevel: { value: 'debug' } },
        problems: [{ key: 'BreakMinimumSeconds' }],
      });
      expect(JSON.parse(text['settings.json'] ?? '')).toMatchObject({ account: { sipUser: '1001' } });
      expect(text['logs/main.log']).toContain('incoming call from [number]');
      for (const [name, content] of Object.entries(text)) {
        for (const canary of [PASSWORD, NOTE, CALLER, CALLER_NAME, ENROLLMENT]) {
          expect(content.includes(canary), `${canary} in ${name}`).toBe(false);
        }
      }
    } finally {
      await core.close();
    }
  });
});
