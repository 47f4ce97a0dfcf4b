/**
 * The browser preview: the real core in Node, the built renderer on loopback HTTP, and the test
 * bridge between them. For development and testing on machines without the Electron runtime;
 * `npm start` (Electron) is the product.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { WebSocket } from 'ws';

import { TestOnlyCipher } from './test-only-cipher';
import { PORT_PARAM, TOKEN_PARAM } from '../../preload/devtools/bridge-protocol';
import { createCore, type Core } from '../core/create-core';
import type { Logger } from '../logging/logger';
import { createConfStore } from '../settings/conf-store';

import { startStaticSite } from './static-site';
import { startTestBridge } from './test-bridge';

export interface PreviewOptions {
  dataDir: string;
  outDir: string;
  logger: Logger;
  port?: number;
  version: string;
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
  const core = createCore({
    dataDir,
    settingsStore: createConfStore({ cwd: dataDir }),
    // Stands in for Electron's safeStorage, which only exists inside Electron: preview data is test data.
    cipher: new TestOnlyCipher(),
    logger: options.logger,
    version: options.version,
    webSocket: WebSocket,
    media: 'renderer',
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
    },
  };
}
