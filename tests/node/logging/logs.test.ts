/**
 * Logs: rotation by size and count, the level changed at run time, the SIP trace with credentials
 * removed, and a canary password that appears in no file the app wrote — through a real
 * registration against Kamailio with the trace on.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '../../../main/logging/logger';
import { createRotatingFile } from '../../../main/logging/rotating-file';
import { createSipTrace, redactSipMessage } from '../../../main/logging/sip-trace';
import { createKamailio, TESTBED_PASSWORD, type Kamailio } from '../phone/support/kamailio';
import { startPhone } from '../phone/support/phone-under-test';

const freshDir = () => mkdtempSync(join(tmpdir(), 'steadyline-logs-'));

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('rotating log file', () => {
  it('rotates by size and keeps only the newest files', () => {
    const dir = freshDir();
    const file = createRotatingFile({ file: join(dir, 'main.log'), maxBytes: 1000, keep: 2 });
    const logger = createLogger({ destination: file, level: 'debug' });
    for (let i = 0; i < 100; i += 1) logger.info({ i }, 'a line of about sixty characters or so');
    file.close();
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(1000);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('"i":99');
    expect(readFileSync(join(dir, 'main.log.2'), 'utf8')).not.toContain('"i":0,');
  });

  it('drops lines below the level, which can change while running (children included)', () => {
    const dir = freshDir();
    const file = createRotatingFile({
      file: join(dir, 'main.log'),
      maxBytes: 1 << 20,
      keep: 1,
      level: 'warn',
    });
    const child = createLogger({ destination: file, level: 'debug' }).child({ module: 'phone' });
    child.info('hidden-info');
    file.setLevel('debug');
    child.debug('shown-debug');
    file.setLevel('error');
    child.warn('hidden-warn');
    const text = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(text).toContain('shown-debug');
    expect(text).not.toMatch(/hidden-/);
  });
});

describe('SIP trace redaction', () => {
  it('removes Authorization and Proxy-Authorization values and known secrets, any case', () => {
    const message = [
      'REGISTER sip:pbx SIP/2.0',
      'Authorization: Digest username="1001", response="abc123"',
      'proxy-authorization  : Digest response="def"',
      'X-Debug: password=hunter2-secret',
      '',
    ].join('\r\n');
    const redacted = redactSipMessage(message, ['hunter2-secret']);
    expect(redacted).not.toMatch(/abc123|def"|hunter2-secret/);
    expect(redacted).toContain('Authorization: [redacted]');
    expect(redacted).toContain('REGISTER sip:pbx SIP/2.0');
  });
});

describe('a canary password never reaches a file', () => {
  let kamailio: Kamailio;
  beforeAll(async () => {
    kamailio = await createKamailio();
    await kamailio.start();
  });
  afterAll(async () => {
    await kamailio.stop();
  });

  it('registers with the SIP trace on and debug logs, then finds the password in no file written', async () => {
    const logs = freshDir();
    const main = createRotatingFile({
      file: join(logs, 'main.log'),
      maxBytes: 1 << 20,
      keep: 3,
      level: 'debug',
    });
    const traceFile = createRotatingFile({
      file: join(logs, 'sip-trace.log'),
      maxBytes: 1 << 20,
      keep: 3,
      level: 'debug',
    });
    const logger = createLogger({ destination: main, level: 'debug' });
    const trace = createSipTrace({
      destination: traceFile,
      enabled: () => true,
      secrets: () => [TESTBED_PASSWORD],
    });
    const account = {
      serverUrl: kamailio.wsUrl,
      sipUser: 'canary1',
      domain: '127.0.0.1',
      authUser: '',
      password: TESTBED_PASSWORD,
      displayName: '',
    };
    const phone = startPhone(account, logger, { sipTrace: (content) => trace.record(content) });
    await phone.waitFor('registered');
    await phone.phone.close();
    const traced = readFileSync(join(logs, 'sip-trace.log'), 'utf8');
    expect(traced).toMatch(/REGISTER sip:127\.0\.0\.1/);
    expect(traced).toContain('Authorization: [redacted]');
    expect(traced).not.toMatch(/response="/);
    const written = [...filesUnder(logs), ...filesUnder(phone.dir)];
    expect(written.length).toBeGreaterThanOrEqual(3);
    for (const file of written) expect(readFileSync(file).includes(TESTBED_PASSWORD), file).toBe(false);
  });
});
