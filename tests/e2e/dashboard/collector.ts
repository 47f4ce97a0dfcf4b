/**
 * A real collector for the dashboard's browser tests: a PostgreSQL server started for the file
 * (Debian's postgresql, as in the collector tests), a migrated database, the collector from
 * the test harness (fake clock), a lead with a password, and 12 weeks shared by enrolled
 * installs: the newest week with named agents and check-in requests, one week below k; the
 * last three weeks from apps that send payload v2 (warnings played), one of them with an older app.
 */
import pg from 'pg';

import { migrate } from '../../../collector/src/db/migrate';
import { openPostgres } from '../../../collector/src/db/postgres';
import { startPostgres, type RunningPostgres } from '../../collector/support/postgres-server';
import { startTestCollector, type TestCollector } from '../../collector/support/harness';
import { createLead, share, anonymous, named } from '../../collector/dashboard/support';
import { weeksEndingWith } from '../../../collector/src/summaries/iso-week';

export const NEWEST_WEEK = '2026-W47';
export const SUPPRESSED_WEEK = '2026-W44';
export const MIXED_WEEK = '2026-W45';
export const V2_WEEK = '2026-W46';

export interface DashboardCollector {
  collector: TestCollector;
  url: string;
  close(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Varies each week's figures a little so the trend has a shape. */
function weekShape(index: number) {
  return {
    breaks: { taken: 2 + (index % 3), minutes: 10 + index, extended: index % 2, endedEarly: 0 },
    medianMoodAfterBreak: 2 + (index % 4) * 0.5,
  };
}

/** A new database on the server; returns its connection string. */
export async function createTestDatabaseOn(serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${name}`;
  return dbUrl.toString();
}

export async function startDashboardCollector(): Promise<DashboardCollector> {
  const server: RunningPostgres = await startPostgres();
  const dbUrl = await createTestDatabaseOn(server.url, 'dashboard_e2e');
  const db = openPostgres({ connectionString: dbUrl });
  await migrate(db);
  const store = { db, url: dbUrl, dispose: () => db.close() };
  const collector = await startTestCollector(
    'postgres',
    { enrollRateLimitMax: 1000, rateLimitMax: 10_000 },
    { store },
  );
  await createLead(collector, 'dana');
  for (const [index, week] of weeksEndingWith(NEWEST_WEEK, 12).entries()) {
    if (week === SUPPRESSED_WEEK) {
      await share(collector, week, anonymous(3, weekShape(index)));
    } else if (week === NEWEST_WEEK) {
      // Everyone's app sends payload v2 by now: 2 + 0 + 5 × 1 + 2 × 3 = 13 warnings played.
      await share(collector, week, [
        named('Agent Ada', { ...weekShape(index), checkInRequested: true, warningsPlayed: 2 }),
        named('Agent Ben', { ...weekShape(index + 1), warningsPlayed: 0 }),
        ...anonymous(5, { ...weekShape(index), warningsPlayed: 1 }),
        ...anonymous(2, { ...weekShape(index), checkInRequested: true, warningsPlayed: 3 }),
      ]);
    } else if (index >= 9) {
      // W45 and W46: the new app (v2) everywhere but one older one in W45, whose week is not known.
      const shape = { ...weekShape(index), warningsPlayed: 1 + (index % 2) };
      const count = 6 + (index % 3);
      await share(
        collector,
        week,
        index === 9 ? [weekShape(index), ...anonymous(count - 1, shape)] : anonymous(count, shape),
      );
    } else {
      // Older apps (payload v1): warnings not known.
      await share(collector, week, anonymous(6 + (index % 3), weekShape(index)));
    }
  }
  await collector.passWeekClose(3); // Thursday 2026-11-26: W47 closed and frozen
  return {
    collector,
    // Chromium keeps Secure cookies over plain http only for localhost (a secure context).
    url: `${collector.baseUrl.replace('127.0.0.1', 'localhost')}/dashboard/`,
    async close() {
      await collector.close();
      await db.close();
      server.stop();
    },
  };
}
