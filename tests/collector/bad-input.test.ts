/**
 * Hostile input at the collector, on both stores: each gets a clear 4xx with a stable code,
 * nothing is stored, and the collector goes on serving a good request right after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { revokeInstall } from '../../collector/src/teams';
import { startTestCollector, type TestCollector } from './support/harness';
import { STORE_KINDS } from './support/stores';
import { weekSummary, weekSummaryV2 } from './support/summaries';

const good = weekSummary('2026-W47');

describe.each(STORE_KINDS)('bad input at the collector on %s', (kind) => {
  let collector: TestCollector;
  let token: string;
  beforeAll(async () => {
    collector = await startTestCollector(kind, { rateLimitMax: 10_000 });
    ({ token } = await collector.enroll());
  });
  afterAll(() => collector.close());

  async function storedRows(): Promise<number> {
    const { rows } = await collector.store.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM weekly_summaries',
    );
    return rows[0]?.n ?? -1;
  }

  async function expectRefused(response: Response, status: number, error: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error, message: expect.any(String) });
    expect(await storedRows()).toBe(0);
    // The collector keeps serving: a good request right after is answered.
    const after = await collector.call('GET', '/api/v1/weeks', token);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ weeks: [] });
  }

  const put = (body: string, withToken = token, week = '2026-W47') =>
    collector.call('PUT', `/api/v1/weeks/${week}`, withToken, body);

  it('malformed JSON', async () => {
    await expectRefused(await put('{"version": 1, "week": '), 400, 'malformed_json');
  });

  it('an empty body', async () => {
    await expectRefused(await put(''), 400, 'malformed_json');
  });

  it('a body over the size limit', async () => {
    const huge = JSON.stringify({ ...good, padding: 'x'.repeat(20_000) });
    await expectRefused(await put(huge), 413, 'body_too_large');
  });

  it('a body that is not JSON', async () => {
    await expectRefused(
      await collector.call('PUT', '/api/v1/weeks/2026-W47', token, 'version=1', 'text/html'),
      415,
      'unsupported_media_type',
    );
  });

  it('an unknown payload version', async () => {
    await expectRefused(
      await put(JSON.stringify({ ...good, version: 3, warningsPlayed: 1 })),
      400,
      'unsupported_payload_version',
    );
    await expectRefused(
      await put(JSON.stringify({ ...good, version: '1' })),
      400,
      'unsupported_payload_version',
    );
  });

  it('a v2 payload with a wrong warnings count, without one, or with an extra key; v1 with the count', async () => {
    const v2 = weekSummaryV2('2026-W47', 2);
    for (const warningsPlayed of [-1, 1.5, 100_001, '2', null]) {
      await expectRefused(await put(JSON.stringify({ ...v2, warningsPlayed })), 400, 'invalid_request');
    }
    const { warningsPlayed: _dropped, ...withoutCount } = v2;
    await expectRefused(await put(JSON.stringify(withoutCount)), 400, 'invalid_request');
    await expectRefused(
      await put(JSON.stringify({ ...v2, warningKinds: { warning: 1, final: 1 } })),
      400,
      'invalid_request',
    );
    await expectRefused(await put(JSON.stringify({ ...good, warningsPlayed: 2 })), 400, 'invalid_request');
  });

  it('an unknown key, at the top and nested', async () => {
    await expectRefused(await put(JSON.stringify({ ...good, note: 'hello' })), 400, 'invalid_request');
    const nested = { ...good, breaks: { ...good.breaks, startedAt: '09:12' } };
    await expectRefused(await put(JSON.stringify(nested)), 400, 'invalid_request');
  });

  it('prototype poisoning', async () => {
    await expectRefused(await put(`{"__proto__": {"admin": true}, "version": 1}`), 400, 'malformed_json');
  });

  it('wrong types and out-of-range figures', async () => {
    await expectRefused(await put(JSON.stringify({ ...good, callsHandled: -1 })), 400, 'invalid_request');
    await expectRefused(
      await put(JSON.stringify({ ...good, medianMoodAfterBreak: 9 })),
      400,
      'invalid_request',
    );
    await expectRefused(await put(JSON.stringify([good])), 400, 'invalid_request');
  });

  it('a missing, malformed, wrong or revoked token', async () => {
    const body = JSON.stringify(good);
    await expectRefused(
      await collector.call('PUT', '/api/v1/weeks/2026-W47', undefined, body),
      401,
      'missing_token',
    );
    await expectRefused(await put(body, 'not a token'), 401, 'missing_token');
    await expectRefused(await put(body, `sli_${'A'.repeat(43)}`), 401, 'invalid_token');
    const revoked = await collector.enroll(undefined, 'LOST-PC');
    expect(await revokeInstall(collector.store.db, revoked.installId, new Date())).toBe(true);
    await expectRefused(await put(body, revoked.token), 401, 'invalid_token');
    await expectRefused(await collector.call('GET', '/api/v1/weeks', revoked.token), 401, 'invalid_token');
  });

  it('a week in the future, a week that does not exist, a week other than the address', async () => {
    await expectRefused(
      await put(JSON.stringify(weekSummary('2026-W50')), token, '2026-W50'),
      422,
      'week_in_future',
    );
    await expectRefused(
      await put(JSON.stringify(weekSummary('2025-W53')), token, '2025-W53'),
      400,
      'invalid_week',
    );
    await expectRefused(await put(JSON.stringify(good), token, '2026-W46'), 400, 'week_mismatch');
    await expectRefused(await put(JSON.stringify(good), token, 'last-week'), 400, 'invalid_request');
  });

  it('a name with anonymous consent, or named consent without one', async () => {
    await expectRefused(
      await put(JSON.stringify({ ...good, agentName: 'Dana' })),
      400,
      'name_with_anonymous',
    );
    await expectRefused(await put(JSON.stringify({ ...good, consent: 'named' })), 400, 'name_required');
  });

  it('a bad enrollment and an unknown route', async () => {
    const enroll = (body: string) => collector.call('POST', '/api/v1/enrollments', undefined, body);
    await expectRefused(
      await enroll(JSON.stringify({ code: 'ABCD-EFGH-JKMN-PQRS', installLabel: 'x' })),
      403,
      'unknown_enrollment_code',
    );
    await expectRefused(await enroll(JSON.stringify({ code: collector.team.code })), 400, 'invalid_request');
    await expectRefused(await collector.call('GET', '/api/v1/summaries', token), 404, 'not_found');
  });

  it('and then a good week is stored', async () => {
    expect((await put(JSON.stringify(good))).status).toBe(200);
    expect(await storedRows()).toBe(1);
  });
});
