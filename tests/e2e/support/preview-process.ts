/**
 * Runs the browser preview (the real core in Node plus the built renderer) as a child process,
 * so a test can kill and restart the core exactly as an agent's machine would restart the app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../..');
const START_TIMEOUT_MS = 30_000;

export interface PreviewProcess {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

export async function startPreviewProcess(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<PreviewProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/devtools/preview.ts', '--data-dir', dataDir],
    {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitForUrl(child, () => output);
  return { url, output: () => output, stop: () => stopProcess(child) };
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`preview did not start in time:\n${output()}`)),
      START_TIMEOUT_MS,
    );
    const onData = () => {
      const match = /STEADYLINE_PREVIEW_URL=(\S+)/.exec(output());
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolveUrl(match[1]);
    };
    const fail = (error: Error) => {
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`preview exited with ${code}:\n${output()}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
