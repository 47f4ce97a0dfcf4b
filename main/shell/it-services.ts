/**
 * What IT controls, started before the core: the rotating logs (level from policy), the policy
 * service for this platform, the trust store (IT's CAs from policy) and the SIP trace switch.
 * Plain Node (no Electron): the shell passes paths and platform facts.
 */
import { join } from 'node:path';

import { createLogger, type Logger } from '../logging/logger';
import { createRotatingFile, type LogLevelName, type RotatingFile } from '../logging/rotating-file';
import { createSipTrace } from '../logging/sip-trace';
import { createPolicyService, type PolicyService } from '../policy/policy-service';
import { platformPolicySources } from '../policy/platform-sources';
import type { RegistryReader } from '../policy/registry-source';
import type { EffectivePolicy } from '../policy/resolve';
import { createTrustStore, type TrustStore } from '../trust/trust-store';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP = 5;

export interface ItServices {
  logger: Logger;
  mainLog: RotatingFile;
  policy: PolicyService;
  trust: TrustStore;
  sipTrace: (content: string) => void;
  close(): void;
}

export async function startItServices(options: {
  logsDir: string;
  platform: NodeJS.Platform;
  username: string;
  env: Readonly<Record<string, string | undefined>>;
  allowEnvOverride: boolean;
  loadRegistry?: () => Promise<RegistryReader>;
  linuxPolicyFile?: string;
}): Promise<ItServices> {
  const mainLog = createRotatingFile({
    file: join(options.logsDir, 'main.log'),
    maxBytes: LOG_MAX_BYTES,
    keep: LOG_KEEP,
  });
  const traceLog = createRotatingFile({
    file: join(options.logsDir, 'sip-trace.log'),
    maxBytes: LOG_MAX_BYTES,
    keep: LOG_KEEP,
    level: 'debug',
  });
  // Every line reaches the file, which drops what is below the policy's level (it can change live).
  const logger = createLogger({ destination: mainLog, level: 'debug' });
  const registry =
    options.platform === 'win32' && options.loadRegistry
      ? await options.loadRegistry().catch((error: unknown) => {
          logger.warn({ err: error }, 'the registry could not be read: no Group Policy applies');
          return undefined;
        })
      : undefined;
  const policy = await createPolicyService({
    sources: platformPolicySources({ ...options, logger, registry, linuxFile: options.linuxPolicyFile }),
    context: { username: options.username, env: options.env },
    logger: logger.child({ module: 'policy' }),
  });
  const trust = createTrustStore();
  const follow = (current: EffectivePolicy) => {
    mainLog.setLevel((current.entries.LogLevel?.value as LogLevelName | undefined) ?? 'info');
    trust.setPolicyCertificates((current.entries.TrustedCaCertificates?.value as string[] | undefined) ?? []);
  };
  follow(policy.current());
  const stop = policy.onChange(follow);
  const trace = createSipTrace({
    destination: traceLog,
    enabled: () => policy.current().entries.SipTrace?.value === true,
    // Digest never sends the password; Authorization values are removed by header.
    secrets: () => [],
  });
  return {
    logger,
    mainLog,
    policy,
    trust,
    sipTrace: (content) => trace.record(content),
    close() {
      stop();
      policy.close();
      mainLog.close();
      traceLog.close();
    },
  };
}
