/**
 * The Linux policy file as a real file: read at start, and a change (written and renamed into
 * place, as configuration management does) applied without a restart.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { silentLogger } from '../../../main/logging/logger';
import { createEnvSource, createFileSource } from '../../../main/policy/file-source';
import { createPolicyService, type PolicyService } from '../../../main/policy/policy-service';
import type { EffectivePolicy } from '../../../main/policy/resolve';

const context = { username: 'dana', env: {} };
let service: PolicyService | null = null;
let dir = '';

afterEach(() => {
  service?.close();
  service = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function replaceFile(file: string, document: unknown) {
  writeFileSync(`${file}.tmp`, JSON.stringify(document));
  renameSync(`${file}.tmp`, file);
}

const nextChange = (policy: PolicyService, until: (p: EffectivePolicy) => boolean) =>
  new Promise<EffectivePolicy>((resolve) => {
    const stop = policy.onChange((p) => {
      if (!until(p)) return;
      stop();
      resolve(p);
    });
  });

describe('/etc/steadyline/policy.json', () => {
  it('applies a changed file without a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'policy-'));
    const file = join(dir, 'policy.json');
    replaceFile(file, { SipServerUrl: 'wss://one.example/ws', Recommended: { Language: 'he' } });
    service = await createPolicyService({
      sources: [createFileSource(file, silentLogger())],
      context,
      logger: silentLogger(),
    });
    expect(service.current().entries.SipServerUrl).toMatchObject({
      value: 'wss://one.example/ws',
      locked: true,
    });
    expect(service.current().entries.Language).toMatchObject({ value: 'he', locked: false });

    const changed = nextChange(service, (p) => p.entries.SipServerUrl?.value === 'wss://two.example/ws');
    replaceFile(file, { SipServerUrl: 'wss://two.example/ws' });
    const policy = await changed;
    expect(policy.entries.Language).toBeUndefined();
  });

  it('a file that is not JSON, or not a dictionary, is one problem and nothing applies', async () => {
    dir = mkdtempSync(join(tmpdir(), 'policy-'));
    const file = join(dir, 'policy.json');
    writeFileSync(file, '{"SipServerUrl": "wss://x/ws",');
    const source = createFileSource(file, silentLogger());
    service = await createPolicyService({ sources: [source], context, logger: silentLogger() });
    expect(service.current()).toEqual({
      entries: {},
      problems: [{ source: file, key: '*', reason: 'not valid JSON' }],
    });
    writeFileSync(file, '[1,2]');
    expect((await service.refresh()).problems[0]?.reason).toBe('not a dictionary of policy keys');
    writeFileSync(file, Buffer.alloc(1024 * 1024 + 1, 32));
    expect((await service.refresh()).problems[0]?.reason).toBe('larger than 1 MiB');
  });

  it('no file is no policy; the file beats the test variable', async () => {
    dir = mkdtempSync(join(tmpdir(), 'policy-'));
    const file = join(dir, 'policy.json');
    const env = createEnvSource({ STEADYLINE_POLICY_JSON: '{"LogLevel":"debug","SipTrace":true}' });
    service = await createPolicyService({
      sources: [createFileSource(file, silentLogger()), env],
      context,
      logger: silentLogger(),
    });
    expect(service.current().entries.LogLevel?.value).toBe('debug');
    const changed = nextChange(service, (p) => p.entries.LogLevel?.value === 'error');
    replaceFile(file, { LogLevel: 'error' });
    const policy = await changed;
    expect(policy.entries.SipTrace?.value).toBe(true);
  });
});
