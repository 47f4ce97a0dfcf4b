/**
 * Serves the renderer from app://steadyline/ instead of file://, so the page has a real origin
 * that the permission handler and IPC sender check can trust, and every response carries the CSP.
 */
import { readFile } from 'node:fs/promises';

import type { Protocol } from 'electron';

import { mimeTypeOf, resolveInside } from './renderer-files';
import { CONTENT_SECURITY_POLICY, isOwnOrigin } from './security';

export const APP_SCHEME = 'app';

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = isOwnOrigin(request.url) ? resolveInside(rendererDir, new URL(request.url).pathname) : null;
    if (!file) return new Response('Forbidden', { status: 403, headers: securityHeaders });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': mimeTypeOf(file) },
      });
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders });
    }
  };
}

export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
