/**
 * The READMEs' recipes stay true: every folder that owns something has a README with a recipe,
 * and every path a recipe names in backticks exists (relative to the README's folder or to the
 * repository). A placeholder (`migrations/NNN-what-it-does.ts`, `kernel/<what-it-is>.ts`) is not
 * a path and is skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
const SKIP = new Set(['node_modules', '.git', 'out', 'dist', 'test-results', '.electron-native', 'fixtures']);

/** Folders that own code or files, each of which needs a README with at least one recipe. */
const OWNING_FOLDERS = [
  ...readdirSync(join(REPO, 'main'))
    .filter((name) => statSync(join(REPO, 'main', name)).isDirectory())
    .map((name) => `main/${name}`),
  'preload',
  'renderer',
  'tests',
  'scripts',
  'assets',
  'build',
  'collector',
];

function readmes(folder = REPO): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return readmes(path);
    return entry.name === 'README.md' ? [path] : [];
  });
}

/** The text of every `## Recipe…` section (up to the next `## ` heading). */
function recipeSections(markdown: string): string[] {
  return markdown.split(/^(?=## )/m).filter((section) => /^## Recipe/.test(section));
}

/** Backticked tokens that name a file or folder (an extension, or a trailing slash), placeholders left out. */
function namedPaths(section: string): string[] {
  return [...section.matchAll(/`([^`\s]+)`/g)]
    .map((match) => match[1] ?? '')
    .filter((token) =>
      /^[\w@.-]+(\/[\w@.-]+)*(\/|\.(ts|tsx|mjs|cjs|js|json|md|sh|yml|css|html|wav|png))$/.test(token),
    )
    .filter((token) => !/NNN|what-it|<|>|\*/.test(token) && !token.startsWith('window.'));
}

const exists = (readme: string, path: string) =>
  [join(dirname(readme), path), join(REPO, path)].some((candidate) => existsSync(candidate));

describe('README recipes', () => {
  it.each(OWNING_FOLDERS)('%s has a README with a recipe', (folder) => {
    const readme = join(REPO, folder, 'README.md');
    expect(existsSync(readme), `${folder}/README.md`).toBe(true);
    expect(recipeSections(readFileSync(readme, 'utf8')).length, `${folder}/README.md`).toBeGreaterThan(0);
  });

  it('names only paths that exist', () => {
    const missing = readmes().flatMap((readme) =>
      recipeSections(readFileSync(readme, 'utf8')).flatMap((section) =>
        namedPaths(section)
          .filter((path) => !exists(readme, path))
          .map((path) => `${relative(REPO, readme)}: ${path}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('reads paths and skips placeholders the way the check above relies on', () => {
    const section = recipeSections(
      '# x\n## Recipe: y\nEdit `main/kernel/clock.ts`, then `kernel/<what>.ts`, `NNN-a.ts`, `Clock` and `renderer/src/`.\n## Other\n`gone.ts`\n',
    );
    expect(section).toHaveLength(1);
    expect(namedPaths(section[0] ?? '')).toEqual(['main/kernel/clock.ts', 'renderer/src/']);
    expect(exists(join(REPO, 'main/README.md'), 'kernel/no-such-file.ts')).toBe(false);
  });
});
