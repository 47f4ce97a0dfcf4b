/**
 * The real collector (collector/src/app.ts buildCollector on embedded PGlite) on loopback, for
 * the agent-side tests: every byte it receives on its sockets and every line it logs are kept,
 * and it can be stopped and started again on the same port with the same store (offline tests).
 */
import type { Socket } from 'node:net';

import { buildCollector } from '../../../../collector/src/app';
import { parseCollectorConfig } from '../../../../collector/src/config';
import { migrate } from '../../../../collector/src/db/migrate';
import { openPglite } from '../../../../collector/src/db/pglite';
import type { Db } from '../../../../collector/src/db/store';
import { createCollectorLogger } from '../../../../collector/src/logger';
import { createTeam } from '../../../../collector/src/teams';
import { collectingDestination } from '../../../support/collecting-destination';
import { FakeClock } from '../../../support/fake-clock';

/** Tuesday 2026-12-01 09:00 UTC: week 2026-W48 has ended, 2026-W49 is under way. */
export const AGENT_NOW = Date.UTC(2026, 11, 1, 9, 0, 0);

export interface LiveCollector {
  readonly baseUrl: string;
  readonly port: number;
  readonly db: Db;
  readonly team: { id: string; name: string; code: string };
  /** Every byte received on any connection, across restarts. */
  received(): string;
  /** Every request line seen ("PUT /api/v1/weeks/2026-W48"), across restarts. */
  requests(): string[];
  logText(): string;
  stop(): Promise<void>;
  /** Starts again on the same port with the same store (after `stop`). */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** `now`: the collector's (fake) time; the e2e test, whose app runs on real time, passes Date.now(). */
export async function startLiveCollector({ now = AGENT_NOW }: { now?: number } = {}): Promise<LiveCollector> {
  const db = await openPglite();
  await migrate(db);
  const clock = new FakeClock(now);
  const logs = collectingDestination();
  const chunks: Buffer[] = [];
  const requests: string[] = [];
  const team = await createTeam(db, 'Night shift', new Date(now));
  let app: Awaited<ReturnType<typeof buildCollector>> | null = null;
  let port = 0;

  async function start() {
    const next = await buildCollector({
      db,
      clock,
      logger: createCollectorLogger({ destination: logs }),
      config: parseCollectorConfig({}),
    });
    next.server.on('connection', (socket: Socket) =>
      socket.on('data', (chunk: Buffer) => chunks.push(chunk)),
    );
    next.addHook('onRequest', async (request) => {
      requests.push(`${request.method} ${request.url}`);
    });
    await next.listen({ port, host: '127.0.0.1' });
    const address = next.server.address();
    if (address && typeof address === 'object') port = address.port;
    app = next;
  }

  await start();
  return {
    get baseUrl() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    db,
    team,
    received: () => Buffer.concat(chunks).toString('utf8'),
    requests: () => [...requests],
    logText: () => logs.text(),
    async stop() {
      await app?.close();
      app = null;
    },
    start,
    async dispose() {
      await app?.close();
      await db.close();
    },
  };
}
