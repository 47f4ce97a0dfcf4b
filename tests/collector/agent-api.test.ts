/**
 * The agent API on both stores: enroll with the team code, put a week (idempotent upsert with a
 * receipt over the exact bytes), list what is held, delete one week or all.
 */
import { createHash } from 'node:crypto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { rotateEnrollmentCode } from '../../collector/src/teams';
import { startTestCollector, type TestCollector } from './support/harness';
import { STORE_KINDS } from './support/stores';
import { weekSummary } from './support/summaries';

describe.each(STORE_KINDS)('collector agent API on %s', (kind) => {
  let collector: TestCollector;
  beforeEach(async () => {
    collector = await startTestCollector(kind);
  });
  afterEach(() => collector.close());

  it('enrolls with the team code typed loosely and returns a token only once (stored hashed)', async () => {
    const typed = collector.team.code.toLowerCase().replace(/-/g, ' ');
    const response = await collector.call(
      'POST',
      '/api/v1/enrollments',
      undefined,
      JSON.stringify({ code: typed, installLabel: 'PC-7' }),
    );
    expect(response.status).toBe(201);
    const enrolled = (await response.json()) as { token: string; teamName: string; teamId: string };
    expect(enrolled.teamName).toBe(collector.team.name);
    const { rows } = await collector.store.db.query<{ token_sha256: string; label: string }>(
      'SELECT token_sha256, label FROM installs',
    );
    expect(rows).toEqual([
      { token_sha256: createHash('sha256').update(enrolled.token).digest('hex'), label: 'PC-7' },
    ]);
  });

  it('refuses an old code once IT rotated it, and enrolls with the new one', async () => {
    const fresh = await rotateEnrollmentCode(collector.store.db, collector.team.id, new Date());
    const old = await collector.call(
      'POST',
      '/api/v1/enrollments',
      undefined,
      JSON.stringify({ code: collector.team.code, installLabel: 'PC' }),
    );
    expect(old.status).toBe(403);
    expect(await old.json()).toMatchObject({ error: 'unknown_enrollment_code' });
    await expect(collector.enroll({ code: fresh })).resolves.toHaveProperty('token');
  });

  it('stores a week once however often it is put, with a receipt over the exact bytes', async () => {
    const { token } = await collector.enroll();
    const body = JSON.stringify(weekSummary('2026-W47', { consent: 'named', agentName: 'Dana' }));
    const first = await collector.call('PUT', '/api/v1/weeks/2026-W47', token, body);
    const second = await collector.call('PUT', '/api/v1/weeks/2026-W47', token, body);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const receipt = (await second.json()) as { week: string; sha256: string };
    expect(receipt).toMatchObject({
      week: '2026-W47',
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    const held = await collector.call('GET', '/api/v1/weeks', token);
    expect(await held.json()).toEqual({
      weeks: [
        {
          week: '2026-W47',
          consent: 'named',
          receivedAt: new Date(collector.clock.now()).toISOString(),
          sha256: receipt.sha256,
        },
      ],
    });
  });

  it('changing consent to anonymous drops the stored name', async () => {
    const { token } = await collector.enroll();
    await collector.putWeek(token, weekSummary('2026-W47', { consent: 'named', agentName: 'Dana' }));
    await collector.putWeek(token, weekSummary('2026-W47', { consent: 'anonymous', callsHandled: 41 }));
    const { rows } = await collector.store.db.query(
      'SELECT consent, agent_name, calls_handled FROM weekly_summaries',
    );
    expect(rows).toEqual([{ consent: 'anonymous', agent_name: null, calls_handled: 41 }]);
  });

  it('deletes one week, then everything, each only for this install', async () => {
    const mine = await collector.enroll();
    const other = await collector.enroll(undefined, 'PC-2');
    for (const week of ['2026-W45', '2026-W46', '2026-W47']) {
      expect((await collector.putWeek(mine.token, weekSummary(week))).status).toBe(200);
    }
    await collector.putWeek(other.token, weekSummary('2026-W46'));
    const one = await collector.call('DELETE', '/api/v1/weeks/2026-W46', mine.token);
    expect(await one.json()).toMatchObject({ deleted: 1 });
    const again = await collector.call('DELETE', '/api/v1/weeks/2026-W46', mine.token);
    expect(await again.json()).toMatchObject({ deleted: 0 });
    const held = (await (await collector.call('GET', '/api/v1/weeks', mine.token)).json()) as {
      weeks: { week: string }[];
    };
    expect(held.weeks.map((week) => week.week)).toEqual(['2026-W45', '2026-W47']);
    const all = await collector.call('DELETE', '/api/v1/weeks', mine.token);
    expect(await all.json()).toMatchObject({ deleted: 2 });
    expect(await (await collector.call('GET', '/api/v1/weeks', mine.token)).json()).toEqual({ weeks: [] });
    const others = (await (await collector.call('GET', '/api/v1/weeks', other.token)).json()) as {
      weeks: unknown[];
    };
    expect(others.weeks).toHaveLength(1);
    const { rows } = await collector.store.db.query(
      'SELECT count(*)::int AS n FROM summary_abuse WHERE install_id = $1',
      [mine.installId],
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('sends the security headers (helmet)', async () => {
    const { token } = await collector.enroll();
    const response = await collector.call('GET', '/api/v1/weeks', token);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
