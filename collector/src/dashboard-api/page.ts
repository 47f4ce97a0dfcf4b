/**
 * Serves the built dashboard page (collector/dashboard/dist, from `npm run build:dashboard`) at
 * /dashboard/. Files are read once at start; hashed assets are cached for a year, the page
 * itself never (so a new build is picked up at once).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

import type { CollectorPlugin } from '../app';

export const DASHBOARD_DIST = resolve(import.meta.dirname, '../../dashboard/dist');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

function readAssets(dist: string): Map<string, Buffer> {
  const dir = join(dist, 'assets');
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).map((file) => [file, readFileSync(join(dir, file))]));
}

export const dashboardPage: CollectorPlugin = async (app) => {
  const indexFile = join(DASHBOARD_DIST, 'index.html');
  const index = existsSync(indexFile) ? readFileSync(indexFile) : null;
  const assets = readAssets(DASHBOARD_DIST);

  app.get('/', async (_request, reply) => {
    if (!index) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The dashboard is not built: run `npm run build:dashboard`.');
    }
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(index);
  });
  app.get('/assets/:file', async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const body = assets.get(file);
    const type = TYPES[extname(file)];
    if (!body || !type) return reply.code(404).send({ error: 'not_found', message: 'No such file.' });
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(type).send(body);
  });
};
