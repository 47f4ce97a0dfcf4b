/**
 * The composition root: builds the collector's Fastify app from injected collaborators (store,
 * clock, logger, config), so tests start a real server on an ephemeral port against a real
 * database. One plugin per domain, each mounted under its prefix: to add one, write a
 * `CollectorPlugin` and add ONE line to PLUGINS below (see collector/README.md).
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { fastify, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';

import type { Clock } from './clock';
import type { CollectorConfig } from './config';
import { dashboardApiRoutes } from './dashboard-api/plugin';
import { dashboardPage } from './dashboard-api/page';
import type { Db } from './db/store';
import { enrollmentRoutes } from './enrollment/routes';
import { installTokenKey } from './enrollment/authenticate';
import { ApiError, installErrorHandlers } from './errors';
import { installRawJsonParser } from './raw-json';
import { summaryRoutes } from './summaries/routes';
import { startFreezing } from './teams/figures';

/** What every plugin receives: the collaborators the app was built with. */
export interface CollectorDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: CollectorConfig;
}

/** A domain plugin: registered with `{ deps }`, using zod schemas for its routes. */
export type CollectorPlugin = FastifyPluginAsyncZod<{ deps: CollectorDeps }>;

const PLUGINS: ReadonlyArray<{ prefix: string; plugin: CollectorPlugin }> = [
  { prefix: '/api/v1', plugin: enrollmentRoutes },
  { prefix: '/api/v1', plugin: summaryRoutes },
  { prefix: '/api/dashboard/v1', plugin: dashboardApiRoutes },
  { prefix: '/dashboard', plugin: dashboardPage },
];

export interface BuildOptions {
  /** Serve HTTPS directly (PEM text); omit behind a TLS-terminating reverse proxy. */
  https?: { cert: string | Buffer; key: string | Buffer };
}

export async function buildCollector(
  deps: CollectorDeps,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const { config } = deps;
  const base: FastifyInstance = fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    ...(options.https ? { https: options.https } : {}),
  });
  installRawJsonParser(base);
  installErrorHandlers(base);
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(helmet);
  await app.register(rateLimit, {
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowMs,
    keyGenerator: installTokenKey,
    errorResponseBuilder: () => new ApiError(429, 'rate_limited', 'Too many requests; try again later.'),
  });
  for (const { prefix, plugin } of PLUGINS) await app.register(plugin, { prefix, deps });
  const stopFreezing = startFreezing(deps);
  app.addHook('onClose', async () => stopFreezing());
  return base;
}
