/**
 * The packaged app is built from out/main, out/preload and out/renderer (electron-builder.yml).
 * None of them may contain the test bridge or the browser preview. Runs after `npm run build`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const OUT = resolve(import.meta.dirname, '../../../out');
const PACKAGED_DIRS = ['main', 'preload', 'renderer'];
const BRIDGE_MARKERS = ['bridgeToken', 'startTestBridge', 'STEADYLINE_PREVIEW_URL', '__devtools'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('production bundle', () => {
  it('has been built (run `npm run build` first)', () => {
    for (const dir of PACKAGED_DIRS) expect(existsSync(join(OUT, dir)), `out/${dir} is missing`).toBe(true);
  });

  it('contains no trace of the test bridge', () => {
    const files = PACKAGED_DIRS.flatMap((dir) => filesUnder(join(OUT, dir)));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const marker of BRIDGE_MARKERS)
        expect(text.includes(marker), `${marker} found in ${file}`).toBe(false);
    }
  });

  it('is the only output electron-builder packs', () => {
    const config = readFileSync(resolve(import.meta.dirname, '../../../electron-builder.yml'), 'utf8');
    expect(config).toMatch(/out\/main\/\*\*/);
    expect(config).toMatch(/!out\/devtools/);
  });

  it('builds the bridge client on its own, outside the packaged folders', () => {
    const client = readFileSync(join(OUT, 'devtools', 'bridge-client.js'), 'utf8');
    expect(client).toContain('bridgeToken');
  });
});
