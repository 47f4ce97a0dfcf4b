#!/usr/bin/env node
// `npm run scan:electron`: Electronegativity (Doyensec's Electron security scanner) over main/ and
// preload/ together (their global checks need both: navigation limits and the permission handler
// live in main/shell, the bridge in preload/), and over the built output in out/ when it exists.
// Every finding must be listed, with its reason, in docs/electronegativity.md; anything else fails.
// Offline: the scanner's look-up of new Electron releases fails and is skipped; the Electron
// version is given from package.json instead of being guessed (it would assume v0.1.0).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = packageJson.devDependencies.electron.replace(/^[^\d]*/, '');
const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');

/** Check id and file of each justified finding: the first two cells of the doc's table rows. */
const justified = new Set(
  readFileSync(join(root, 'docs/electronegativity.md'), 'utf8')
    .split('\n')
    .map((line) => /^\|\s*`?([A-Z_]+_CHECK)`?\s*\|\s*`?([^|`]+?)`?\s*\|/.exec(line))
    .filter(Boolean)
    .map(([, check, file]) => `${check} ${file}`),
);

/**
 * One scan, read from its SARIF report. Not CSV: the scanner writes the CSV header and the rows
 * with two unordered asynchronous writes, so a row sometimes lands first and is cut by the header.
 */
function scan(label, input) {
  const report = join(mkdtempSync(join(tmpdir(), 'steadyline-scan-')), 'findings.sarif');
  const run = spawnSync(
    process.execPath,
    [cli, '-i', input, '-r', '-v', 'false', '-e', electronVersion, '-o', report],
    { encoding: 'utf8' },
  );
  if (!existsSync(report)) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity produced no results for ${label}`);
  }
  const { runs } = JSON.parse(readFileSync(report, 'utf8'));
  return runs[0].results.map((result) => {
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    const file = artifactLocation.uri === 'file:///' ? 'N/A' : artifactLocation.uri;
    return {
      scope: label,
      check: result.ruleId,
      level: result.level,
      file: file === 'N/A' ? 'N/A' : `${label}/${file}`,
      location: `${region.startLine}:${region.startColumn}`,
    };
  });
}

const sources = mkdtempSync(join(tmpdir(), 'steadyline-sources-'));
for (const folder of ['main', 'preload'])
  cpSync(join(root, folder), join(sources, folder), { recursive: true });
const findings = [...scan('src', sources)];
if (existsSync(join(root, 'out/main'))) findings.push(...scan('out', join(root, 'out')));
else
  console.warn('out/ not built: only the sources were scanned (npm run build first to scan the bundle too)');

let unexplained = 0;
for (const finding of findings) {
  const key = `${finding.check} ${finding.file.replace(/:.*/, '')}`;
  const ok =
    justified.has(key) || justified.has(`${finding.check} ${finding.file.replace(/^(src|out)\//, '')}`);
  if (!ok) unexplained += 1;
  console.log(
    `${ok ? 'justified  ' : 'UNEXPLAINED'} ${finding.level.padEnd(8)} ${finding.check.padEnd(40)} ${finding.file} ${finding.location}`,
  );
}
console.log(`${findings.length} finding(s), ${unexplained} not justified in docs/electronegativity.md`);
process.exit(unexplained === 0 ? 0 : 1);
