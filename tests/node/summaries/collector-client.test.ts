/**
 * The collector client against hostile or broken answers, over a named fetch double: nothing it
 * does not understand is trusted, and it says whether a failure is worth retrying.
 */
import { describe, expect, it } from 'vitest';

import {
  CollectorError,
  createCollectorClient,
  type FetchLike,
} from '../../../main/summaries/collector-client';

/** TEST DOUBLE of fetch: answers every request with one status and body, and records requests. */
function answering(status: number, body: string) {
  const requests: Array<{ url: string; method: string; headers: Record<string, string>; body?: string }> = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, method: init.method, headers: init.headers, body: init.body });
    return { status, text: async () => body };
  };
  return { fetch, requests };
}

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CollectorError) return error;
  }
  throw new Error('expected a CollectorError');
};

const BODY = '{\n  "version": 1\n}';

describe('the collector client', () => {
  it('sends the body exactly as given with the bearer token, to the week path', async () => {
    const { fetch, requests } = answering(
      200,
      JSON.stringify({ week: '2026-W48', receivedAt: '2026-12-01T09:00:00.000Z', sha256: 'a'.repeat(64) }),
    );
    const client = createCollectorClient({ baseUrl: 'http://127.0.0.1:1/', fetch });
    await client.putWeek('t'.repeat(40), '2026-W48', BODY);
    expect(requests).toEqual([
      {
        url: 'http://127.0.0.1:1/api/v1/weeks/2026-W48',
        method: 'PUT',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          authorization: `Bearer ${'t'.repeat(40)}`,
        },
        body: BODY,
      },
    ]);
  });

  it('does not trust an answer that is not the schema: garbage, extra keys, a wrong shape', async () => {
    for (const body of [
      '<html>',
      '{"week":"2026-W48"}',
      JSON.stringify({ deleted: -1, deletedAt: 'x' }),
      '',
    ]) {
      const client = createCollectorClient({
        baseUrl: 'http://127.0.0.1:1',
        fetch: answering(200, body).fetch,
      });
      const error = await failure(client.deleteAll('t'.repeat(40)));
      expect(error.message).toMatch(/not understood/);
      expect(error.retry).toBe(true);
    }
  });

  it('retries when the collector is down or busy, and not when it refused', async () => {
    for (const status of [408, 429, 500, 503]) {
      const client = createCollectorClient({ baseUrl: 'http://x', fetch: answering(status, '').fetch });
      expect((await failure(client.listWeeks('t'.repeat(40)))).retry).toBe(true);
    }
    const refused = createCollectorClient({
      baseUrl: 'http://x',
      fetch: answering(422, JSON.stringify({ error: 'week_in_future', message: 'echo: Canary-Caller' }))
        .fetch,
    });
    const error = await failure(refused.putWeek('t'.repeat(40), '2026-W48', BODY));
    expect(error).toMatchObject({ retry: false, status: 422, code: 'week_in_future' });
    // The collector's sentence is never repeated (it could echo input); only its stable code.
    expect(error.message).not.toContain('Canary');
  });

  it('reports a network failure as retryable without any detail of the request', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    const client = createCollectorClient({ baseUrl: 'http://127.0.0.1:1', fetch });
    const error = await failure(client.enroll({ code: 'SECRET-CODE-9', installLabel: 'pc' }));
    expect(error.retry).toBe(true);
    expect(error.message).toMatch(/could not be reached/);
    expect(error.message).not.toContain('SECRET-CODE-9');
  });
});
