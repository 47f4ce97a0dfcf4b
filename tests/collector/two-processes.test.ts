/**
 * Collector processes are stateless: two real collector processes against one PostgreSQL serve
 * the same data, whichever one an install's requests reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openPostgres } from '../../collector/src/db/postgres';
import { migrate } from '../../collector/src/db/migrate';
import { createTeam } from '../../collector/src/teams';
import { type CollectorProcess, startCollectorProcess } from './support/collector-process';
import { createTestDatabase } from './support/stores';
import { weekSummary } from './support/summaries';

describe('two collector processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let code: string;
  let a: CollectorProcess;
  let b: CollectorProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = openPostgres({ connectionString: database.url });
    await migrate(db);
    code = (await createTeam(db, 'Shared', new Date())).code;
    await db.close();
    // Both start at once: each runs the migrations (already applied) under the advisory lock.
    [a, b] = await Promise.all([
      startCollectorProcess({ DATABASE_URL: database.url }),
      startCollectorProcess({ DATABASE_URL: database.url }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  const call = (at: CollectorProcess, method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${at.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  it('serve the same installs and weeks', async () => {
    expect(a.url).not.toBe(b.url);
    const enrolled = await call(a, 'POST', '/api/v1/enrollments', undefined, { code, installLabel: 'PC' });
    const { token } = (await enrolled.json()) as { token: string };
    expect((await call(a, 'PUT', '/api/v1/weeks/2026-W46', token, weekSummary('2026-W46'))).status).toBe(200);
    expect((await call(b, 'PUT', '/api/v1/weeks/2026-W47', token, weekSummary('2026-W47'))).status).toBe(200);
    const fromA = await (await call(a, 'GET', '/api/v1/weeks', token)).json();
    const fromB = await (await call(b, 'GET', '/api/v1/weeks', token)).json();
    expect(fromA).toEqual(fromB);
    expect((fromA as { weeks: { week: string }[] }).weeks.map((week) => week.week)).toEqual([
      '2026-W46',
      '2026-W47',
    ]);
    expect(await (await call(b, 'DELETE', '/api/v1/weeks/2026-W46', token)).json()).toMatchObject({
      deleted: 1,
    });
    const after = (await (await call(a, 'GET', '/api/v1/weeks', token)).json()) as {
      weeks: { week: string }[];
    };
    expect(after.weeks.map((week) => week.week)).toEqual(['2026-W47']);
  });
});
