/**
 * The collector process's settings from its environment (see docs/collector.md), validated.
 * A collector reachable from the network must speak TLS itself or sit behind a TLS-terminating
 * reverse proxy: plain HTTP beyond loopback would carry install tokens in clear.
 */
import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { oidcFromEnv } from './auth/oidc-config';
import { type CollectorConfig, parseCollectorConfig } from './config';

export interface ServerSettings {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  logLevel: string;
  https?: { cert: Buffer; key: string | Buffer };
  config: CollectorConfig;
}

const number = (name: string) => z.coerce.number({ error: `${name} must be a number` }).optional();

const Env = z.object({
  COLLECTOR_HOST: z.string().default('127.0.0.1'),
  COLLECTOR_PORT: z.coerce.number().int().min(0).max(65_535).default(7300),
  COLLECTOR_DATA_DIR: z.string().default('collector-data'),
  DATABASE_URL: z.string().optional(),
  COLLECTOR_TLS_CERT: z.string().optional(),
  COLLECTOR_TLS_KEY: z.string().optional(),
  COLLECTOR_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  COLLECTOR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  COLLECTOR_K: number('COLLECTOR_K'),
  COLLECTOR_CLOSE_WEEKS_AFTER_DAYS: number('COLLECTOR_CLOSE_WEEKS_AFTER_DAYS'),
  COLLECTOR_RATE_LIMIT_MAX: number('COLLECTOR_RATE_LIMIT_MAX'),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function readServerSettings(env: NodeJS.ProcessEnv): ServerSettings {
  const e = Env.parse(env);
  if (Boolean(e.COLLECTOR_TLS_CERT) !== Boolean(e.COLLECTOR_TLS_KEY)) {
    throw new Error('Set both COLLECTOR_TLS_CERT and COLLECTOR_TLS_KEY (PEM files), or neither.');
  }
  const https =
    e.COLLECTOR_TLS_CERT && e.COLLECTOR_TLS_KEY
      ? { cert: readFileSync(e.COLLECTOR_TLS_CERT), key: readFileSync(e.COLLECTOR_TLS_KEY) }
      : undefined;
  const trustProxy = e.COLLECTOR_TRUST_PROXY === '1';
  if (!https && !trustProxy && !LOOPBACK.has(e.COLLECTOR_HOST)) {
    throw new Error(
      `Refusing plain HTTP on ${e.COLLECTOR_HOST}: set COLLECTOR_TLS_CERT and COLLECTOR_TLS_KEY, ` +
        'or run behind a TLS reverse proxy with COLLECTOR_TRUST_PROXY=1.',
    );
  }
  const config = parseCollectorConfig({
    trustProxy,
    ...(e.COLLECTOR_K !== undefined ? { k: e.COLLECTOR_K } : {}),
    ...(e.COLLECTOR_CLOSE_WEEKS_AFTER_DAYS !== undefined
      ? { closeWeeksAfterDays: e.COLLECTOR_CLOSE_WEEKS_AFTER_DAYS }
      : {}),
    ...(e.COLLECTOR_RATE_LIMIT_MAX !== undefined ? { rateLimitMax: e.COLLECTOR_RATE_LIMIT_MAX } : {}),
    ...oidcFromEnv(env),
  });
  return {
    host: e.COLLECTOR_HOST,
    port: e.COLLECTOR_PORT,
    dataDir: e.COLLECTOR_DATA_DIR,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    logLevel: e.COLLECTOR_LOG_LEVEL,
    ...(https ? { https } : {}),
    config,
  };
}
