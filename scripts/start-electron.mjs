#!/usr/bin/env node
// `npm start`: builds the app, makes sure the Electron runtime and an Electron build of
// better-sqlite3 exist, then opens Steadyline.
//
// Why the extra steps: package.json `allowScripts` denies electron's postinstall, so `npm install`
// never downloads a browser runtime (CI and test machines don't need one). The first `npm start`
// fetches it instead. better-sqlite3 in node_modules stays built for Node (the tests use it); an
// Electron-ABI copy is built into .electron-native/ and passed as its `nativeBinding` option
// (main/shell/native-binding.ts). Packaged builds need neither: electron-builder rebuilds for Electron.
//
// This script needs internet access (Electron's runtime, Electron's headers); it was not run on the
// project's offline build machine.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const nativeDir = join(root, '.electron-native');

function fail(message) {
  console.error(`\nSteadyline could not start: ${message}`);
  process.exit(1);
}

function run(command, args, what) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) fail(`${what} failed (exit ${result.status}).`);
}

function electronBinary() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    console.log('Fetching the Electron runtime (first start only)...');
    run(
      process.execPath,
      [join(electronDir, 'install.js')],
      'Downloading Electron (is this machine online?)',
    );
  }
  return join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
}

async function ensureElectronSqlite(electronVersion) {
  const stamp = join(nativeDir, 'electron-version');
  const binding = join(nativeDir, 'better_sqlite3.node');
  if (existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) return;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once per Electron version)...`);
  const appDir = join(nativeDir, 'app');
  rmSync(appDir, { recursive: true, force: true });
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const target = join(appDir, 'node_modules', 'better-sqlite3');
  mkdirSync(target, { recursive: true });
  cpSync(source, target, { recursive: true, filter: (path) => !path.includes(`${source}/build`) });
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'electron-native', version: '1.0.0' }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: appDir, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  cpSync(join(target, 'build', 'Release', 'better_sqlite3.node'), binding);
  writeFileSync(stamp, electronVersion);
}

run('npx', ['electron-vite', 'build'], 'Building Steadyline');
const binary = electronBinary();
const electronVersion = require('electron/package.json').version;
await ensureElectronSqlite(electronVersion).catch((error) =>
  fail(`building better-sqlite3 for Electron: ${error}`),
);
const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
