/**
 * The collector is its own deliverable: electron-builder packages the Electron app's production
 * dependency closure (root package.json "dependencies"), and none of the collector's packages
 * may be in it. zod and pino are shared on purpose (the wire schema, the logger).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
// uplot: the app's own "My week" charts and the lead's dashboard draw with the same chart library.
const SHARED_ON_PURPOSE = new Set(['zod', 'pino', 'uplot']);

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Node's resolution: the nearest node_modules/<name> from `from` up to the root. */
function locate(name: string, from: string): string | null {
  for (let dir = from; dir.startsWith(ROOT); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT) break;
  }
  return null;
}

/** Every package name reachable from the root's production dependencies. */
function appClosure(): Set<string> {
  const seen = new Set<string>();
  const visited = new Set<string>();
  const queue = Object.keys(manifest(ROOT).dependencies ?? {}).map((name) => [name, ROOT] as const);
  while (queue.length > 0) {
    const [name, from] = queue.pop() as readonly [string, string];
    const dir = locate(name, from);
    seen.add(name);
    if (!dir || visited.has(dir)) continue;
    visited.add(dir);
    const m = manifest(dir);
    for (const next of Object.keys({ ...m.dependencies, ...m.optionalDependencies, ...m.peerDependencies })) {
      queue.push([next, dir]);
    }
  }
  return seen;
}

describe('packaging', () => {
  const collector = manifest(join(ROOT, 'collector'));
  const collectorPackages = Object.keys({ ...collector.dependencies, ...collector.devDependencies });

  it("the Electron app's packaged dependency set holds none of the collector's packages", () => {
    const app = appClosure();
    expect(app.size).toBeGreaterThan(20);
    expect(app.has('react')).toBe(true);
    expect(collectorPackages).toEqual(expect.arrayContaining(['fastify', 'pg', '@electric-sql/pglite']));
    const leaked = collectorPackages.filter((name) => !SHARED_ON_PURPOSE.has(name) && app.has(name));
    expect(leaked).toEqual([]);
    // Nor what they pull in: Fastify's own router and PostgreSQL's wire protocol stay out.
    expect(['find-my-way', 'pg-protocol', 'avvio'].filter((name) => app.has(name))).toEqual([]);
  });

  it('the collector is a workspace, and electron-builder packages no collector file', () => {
    expect((manifest(ROOT) as { workspaces?: string[] }).workspaces).toContain('collector');
    expect(Object.keys(manifest(ROOT).dependencies ?? {})).not.toContain('@steadyline/collector');
    const builder = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    const files = /^files:\n((?:\s+-.*\n)+)/m.exec(builder)?.[1] ?? '';
    expect(files).toContain('out/main/**');
    expect(files).not.toMatch(/collector/);
  });
});
