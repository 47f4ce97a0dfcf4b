/**
 * The browser preview: the real core in Node, the built renderer on loopback HTTP, and the test
 * bridge between them. For development and testing on machines without the Electron runtime;
 * `npm start` (Electron) is the product.
 */
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';

import { WebSocket } from 'ws';

import { TestOnlyCipher } from './test-only-cipher';
import { PORT_PARAM, TOKEN_PARAM } from '../../preload/devtools/bridge-protocol';
import { createCore, type Core } from '../core/create-core';
import type { Logger } from '../logging/logger';
import { createEnvSource } from '../policy/file-source';
import { createPolicyService, type PolicyService } from '../policy/policy-service';
import { createConfStore } from '../settings/conf-store';

import { startStaticSite } from './static-site';
import { startTestBridge } from './test-bridge';

export interface PreviewOptions {
  dataDir: string;
  outDir: string;
  logger: Logger;
  port?: number;
  version: string;
  /**
   * IT's policy as JSON (STEADYLINE_POLICY_JSON, the env source the app reads when not packaged),
   * so the preview and its tests run with a policy as IT would set one.
   */
  policyJson?: string;
}

export interface Preview {
  readonly url: string;
  readonly core: Core;
  close(): Promise<void>;
}

const previewCsp = (bridgePort: number) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${bridgePort}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const policy = options.policyJson ? await previewPolicy(options.policyJson, options.logger) : undefined;
  const core = createCore({
    dataDir,
    settingsStore: createConfStore({ cwd: dataDir }),
    // Stands in for Electron's safeStorage, which only exists inside Electron: preview data is test data.
    cipher: new TestOnlyCipher(),
    logger: options.logger,
    version: options.version,
    webSocket: WebSocket,
    media: 'renderer',
    policy,
  });
  let siteOrigin = '';
  const bridge = await startTestBridge({
    router: core.router,
    events: core.events,
    logger: options.logger.child({ module: 'test-bridge' }),
    allowedOrigins: () => [siteOrigin],
  });
  const site = await startStaticSite({
    rendererDir: join(options.outDir, 'renderer'),
    bridgeClientFile: join(options.outDir, 'devtools', 'bridge-client.js'),
    contentSecurityPolicy: () => previewCsp(bridge.port),
    port: options.port,
  });
  siteOrigin = site.origin;
  const url = `${site.origin}/?${PORT_PARAM}=${bridge.port}&${TOKEN_PARAM}=${bridge.token}`;
  return {
    url,
    core,
    async close() {
      await site.close();
      await bridge.close();
      await core.close();
      policy?.close();
    },
  };
}

function previewPolicy(json: string, logger: Logger): Promise<PolicyService> {
  return createPolicyService({
    sources: [createEnvSource({ STEADYLINE_POLICY_JSON: json })],
    context: { username: userInfo().username, env: process.env },
    logger: logger.child({ module: 'policy' }),
  });
}
