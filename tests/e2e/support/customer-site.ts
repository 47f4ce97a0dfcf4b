/**
 * Serves the customer page (tests/e2e/customer/) and sip.js's ES modules on loopback HTTP, which
 * Chromium treats as a secure context, so the page may use the (fake) microphone.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../..');
const ROOTS: Array<[prefix: string, dir: string]> = [
  ['/sip.js/', join(REPO, 'node_modules/sip.js/lib')],
  ['/', join(REPO, 'tests/e2e/customer')],
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
};

export interface CustomerSite {
  /** The customer page for a SIP user registered at `server` (a ws:// URL). */
  pageUrl(options: { server: string; user: string; password: string; name: string }): string;
  close(): Promise<void>;
}

function fileFor(path: string): string | null {
  const [prefix, dir] = ROOTS.find(([start]) => path.startsWith(start)) ?? ['/', ''];
  const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
  return file.startsWith(dir) ? file : null;
}

export async function startCustomerSite(): Promise<CustomerSite> {
  const server = createServer((request, response) => {
    const file = fileFor(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const body = file ? readFile(file) : Promise.reject(new Error('outside'));
    body.then(
      (content) => {
        response.writeHead(200, { 'Content-Type': TYPES[extname(file ?? '')] ?? 'text/plain' });
        response.end(content);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: (options) => `http://127.0.0.1:${port}/?${new URLSearchParams(options).toString()}`,
    close: () => new Promise<void>((resolveClose) => server.close(() => resolveClose())),
  };
}
