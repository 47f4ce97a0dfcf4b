/**
 * A real collector for tests: buildCollector on a test store, listening on an ephemeral loopback
 * port, with the fake clock and every log line captured. Helpers enroll installs and call the
 * agent API over real HTTP.
 */
import type { FastifyInstance } from 'fastify';

import { buildCollector } from '../../../collector/src/app';
import { type CollectorConfigInput, parseCollectorConfig } from '../../../collector/src/config';
import { createCollectorLogger } from '../../../collector/src/logger';
import { createTeam, type Team } from '../../../collector/src/teams';
import type { WeeklySummaryPayload } from '../../../preload/schemas/team-summary';
import { collectingDestination } from '../../support/collecting-destination';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, type StoreKind, type TestStore } from './stores';

/** Monday 2026-11-23 09:00 UTC: ISO week 2026-W48. */
export const TEST_NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const DAY_MS = 86_400_000;

export interface TestCollector {
  store: TestStore;
  /** The store's Db (so a TestCollector passes as the teams/ query functions' deps). */
  db: TestStore['db'];
  clock: FakeClock;
  app: FastifyInstance;
  baseUrl: string;
  logs: ReturnType<typeof collectingDestination>;
  team: Team & { code: string };
  config: ReturnType<typeof parseCollectorConfig>;
  /** Enrolls an install in `team` (default: the harness's team); returns its token and id. */
  enroll(team?: { code: string }, label?: string): Promise<{ token: string; installId: string }>;
  putWeek(token: string, summary: WeeklySummaryPayload): Promise<Response>;
  call(method: string, path: string, token?: string, body?: string, contentType?: string): Promise<Response>;
  /** Moves the fake clock past the close of `week` (its UTC end + closeWeeksAfterDays). */
  passWeekClose(days?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestCollector(
  kind: StoreKind,
  configInput: CollectorConfigInput = {},
  options: { store?: TestStore; logLevel?: string } = {},
): Promise<TestCollector> {
  const store = options.store ?? (await openTestStore(kind));
  const clock = new FakeClock(TEST_NOW);
  const logs = collectingDestination();
  const config = parseCollectorConfig(configInput);
  const app = await buildCollector({
    db: store.db,
    clock,
    logger: createCollectorLogger({ destination: logs, level: options.logLevel }),
    config,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const team = await createTeam(
    store.db,
    `Team ${Math.random().toString(36).slice(2, 8)}`,
    new Date(TEST_NOW),
  );
  const call: TestCollector['call'] = (method, path, token, body, contentType = 'application/json') =>
    fetch(`${address}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      body,
    });
  return {
    store,
    db: store.db,
    clock,
    app,
    baseUrl: address,
    logs,
    team,
    config,
    async enroll(target = team, label = 'AGENT-PC-1') {
      const response = await call(
        'POST',
        '/api/v1/enrollments',
        undefined,
        JSON.stringify({ code: target.code, installLabel: label }),
      );
      if (response.status !== 201)
        throw new Error(`enroll answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { token: string; installId: string };
    },
    putWeek: (token, summary) => call('PUT', `/api/v1/weeks/${summary.week}`, token, JSON.stringify(summary)),
    call,
    passWeekClose: (days = 7 + config.closeWeeksAfterDays + 1) => clock.advance(days * DAY_MS),
    async close() {
      await app.close();
      if (!options.store) await store.dispose();
    },
  };
}
