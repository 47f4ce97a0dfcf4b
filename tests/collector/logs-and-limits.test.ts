/**
 * What the collector logs and how it limits, on both stores: canary values planted in every
 * part of good and bad requests never appear in a log line (not at trace level either), and a
 * client over its request budget gets 429 while others are still served.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { startTestCollector, type TestCollector } from './support/harness';
import { STORE_KINDS } from './support/stores';
import { weekSummary } from './support/summaries';

describe.each(STORE_KINDS)('collector logs on %s', (kind) => {
  let collector: TestCollector;
  afterEach(() => collector.close());

  it('never log a payload value, a token or an enrollment code', async () => {
    collector = await startTestCollector(kind, {}, { logLevel: 'trace' });
    const { token } = await collector.enroll(undefined, 'CANARY-LABEL-PC');
    const canaries = {
      name: 'Canary-Agent-Zx81',
      note: 'Canary-Note-Qq72',
      junk: 'Canary-Junk-Wv55',
      wrongToken: `sli_CanaryWrongToken${'q'.repeat(30)}`,
    };
    const summary = weekSummary('2026-W47', {
      consent: 'named',
      agentName: canaries.name,
      callsHandled: 73_919,
      breaks: { taken: 3, minutes: 4817.5, extended: 1, endedEarly: 0 },
    });
    expect((await collector.putWeek(token, summary)).status).toBe(200);
    const bad = [
      collector.call(
        'PUT',
        '/api/v1/weeks/2026-W47',
        token,
        JSON.stringify({ ...summary, note: canaries.note }),
      ),
      collector.call('PUT', '/api/v1/weeks/2026-W47', token, `{"agentName": "${canaries.junk}", `),
      collector.call('PUT', '/api/v1/weeks/2026-W47', canaries.wrongToken, JSON.stringify(summary)),
      collector.call(
        'PUT',
        '/api/v1/weeks/2026-W47',
        token,
        JSON.stringify({ ...summary, callsHandled: 'Canary-Type-Rr3' }),
      ),
    ];
    for (const response of await Promise.all(bad)) expect(response.status).toBeGreaterThanOrEqual(400);
    // A query string is never logged either (only the path).
    expect((await collector.call('GET', `/api/v1/weeks?secret=Canary-Query-Pp9`, token)).status).toBe(200);
    const logged = collector.logs.text();
    expect(logged).toContain('week stored');
    expect(logged).toContain('"errorCode":"invalid_request"');
    for (const secret of [
      token,
      collector.team.code,
      ...Object.values(canaries),
      'Canary-Type-Rr3',
      'Canary-Query-Pp9',
    ]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toContain('73919');
    expect(logged).not.toContain('4817.5');
  });
});

describe.each(STORE_KINDS)('collector rate limits on %s', (kind) => {
  let collector: TestCollector;
  afterEach(() => collector.close());

  it('answers 429 once an install is over its budget; another install is still served', async () => {
    collector = await startTestCollector(kind, { rateLimitMax: 3, enrollRateLimitMax: 50 });
    const busy = await collector.enroll();
    const calm = await collector.enroll(undefined, 'PC-2');
    const statuses = [];
    for (let index = 0; index < 5; index += 1)
      statuses.push((await collector.call('GET', '/api/v1/weeks', busy.token)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await collector.call('GET', '/api/v1/weeks', busy.token);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
    expect((await collector.call('GET', '/api/v1/weeks', calm.token)).status).toBe(200);
  });

  it('limits enrollment attempts per address, so codes cannot be guessed by trying', async () => {
    collector = await startTestCollector(kind, { enrollRateLimitMax: 4 });
    const attempt = (code: string) =>
      collector.call('POST', '/api/v1/enrollments', undefined, JSON.stringify({ code, installLabel: 'PC' }));
    const statuses = [];
    for (let index = 0; index < 4; index += 1)
      statuses.push((await attempt(`WRONG-CODE-${index}000`)).status);
    expect(statuses).toEqual([403, 403, 403, 403]);
    // Even the right code is refused now: the address is over its budget.
    expect((await attempt(collector.team.code)).status).toBe(429);
  });
});
