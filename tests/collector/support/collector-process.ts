/**
 * The real collector entry point (collector/src/server.ts) as a child process on an ephemeral
 * loopback port, for tests that need separate processes (two collectors, SIGKILL durability).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const SERVER = resolve(import.meta.dirname, '../../../collector/src/server.ts');

export interface CollectorProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited (after kill or by itself). */
  exited: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startCollectorProcess(env: Record<string, string>): Promise<CollectorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      COLLECTOR_HOST: '127.0.0.1',
      COLLECTOR_PORT: '0',
      COLLECTOR_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveStart, reject) => {
    let output = '';
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /collector listening on (\S+)/.exec(output);
      if (match?.[1]) {
        resolveStart({
          url: match[1],
          child,
          exited,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    });
    void exited.then(() => reject(new Error(`collector exited before listening: ${errors || output}`)));
  });
}
