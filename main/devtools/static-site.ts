/**
 * Serves the built renderer over loopback HTTP for the browser preview, with the test bridge's
 * client injected ahead of the app and the app's CSP widened only to reach the bridge socket.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { mimeTypeOf, resolveInside } from '../shell/renderer-files';

export const BRIDGE_CLIENT_PATH = '/__devtools/bridge-client.js';

export interface StaticSiteOptions {
  rendererDir: string;
  bridgeClientFile: string;
  contentSecurityPolicy: () => string;
  port?: number;
}

export interface StaticSite {
  readonly origin: string;
  close(): Promise<void>;
}

function injectBridgeClient(html: string): string {
  return html.replace('<head>', `<head>\n    <script type="module" src="${BRIDGE_CLIENT_PATH}"></script>`);
}

async function respond(response: ServerResponse, file: string, transform?: (text: string) => string) {
  const body = await readFile(file);
  response.writeHead(200, { 'Content-Type': mimeTypeOf(file) });
  response.end(transform ? transform(body.toString('utf8')) : body);
}

export async function startStaticSite(options: StaticSiteOptions): Promise<StaticSite> {
  const root = options.rendererDir;
  const server: Server = createServer((request, response) => {
    response.setHeader('Content-Security-Policy', options.contentSecurityPolicy());
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send =
      path === BRIDGE_CLIENT_PATH
        ? respond(response, options.bridgeClientFile)
        : path === '/' || path === '/index.html'
          ? respond(response, join(root, 'index.html'), injectBridgeClient)
          : serveAsset(response, root, path);
    send.catch(() => {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function serveAsset(response: ServerResponse, root: string, path: string): Promise<void> {
  const file = resolveInside(root, path);
  return file ? respond(response, file) : Promise.reject(new Error('outside the renderer folder'));
}
