/**
 * A real PostgreSQL server for the collector's tests and benchmark: Debian's postgresql package,
 * started with its own temporary data directory (initdb + pg_ctl), listening on 127.0.0.1 at a
 * free port. Started from inside the test process, so it lives in scripts/run-isolated.sh's
 * private network namespace beside the tests. As root it runs as the `postgres` user (runuser),
 * since PostgreSQL refuses to run as root. COLLECTOR_TEST_DATABASE_URL uses a server you run.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPostgres {
  /** An admin connection string (role postgres, database postgres, trust auth on loopback). */
  url: string;
  stop(): void;
}

function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((version) => join(root, version, 'bin'))
    .find((dir) => existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'The collector tests need PostgreSQL: install Debian\'s "postgresql" package (.ci/run does), ' +
        'set PG_BIN to its bin folder, or COLLECTOR_TEST_DATABASE_URL to a server you run.',
    );
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function runAsOwner(program: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, commandArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args];
  execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
}

export async function startPostgres(): Promise<RunningPostgres> {
  const external = process.env.COLLECTOR_TEST_DATABASE_URL;
  if (external) return { url: external, stop: () => undefined };
  const bin = postgresBinDir();
  const root = mkdtempSync(join(tmpdir(), 'steadyline-pg-'));
  const dataDir = join(root, 'data');
  if (process.getuid?.() === 0) {
    const owner = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const group = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(root, Number(owner), Number(group));
    chmodSync(root, 0o700);
  }
  const port = await freePort();
  runAsOwner(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=on -c max_connections=200`;
  runAsOwner(join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-o',
    options,
    '-l',
    join(root, 'server.log'),
    '-w',
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        runAsOwner(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
