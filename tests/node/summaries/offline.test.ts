/**
 * Offline: the collector is stopped, a week is shared and a revocation asked for, Steadyline
 * restarts, the collector comes back: each is delivered exactly once, nothing is lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { weekRange } from '../../../main/summaries/iso-week';

import { journalWeek } from './support/agent-week';
import { startLiveCollector, type LiveCollector } from './support/live-collector';
import { openSharingAgent, ZONE, type SharingAgent } from './support/sharing-agent';

const WEEK = '2026-W48';
let collector: LiveCollector;
let agent: SharingAgent;

beforeEach(async () => {
  collector = await startLiveCollector();
  agent = openSharingAgent();
  journalWeek(agent.journal, weekRange(WEEK, ZONE).start);
  await agent.service.setSharing({ consent: 'anonymous', mode: 'ask', name: null });
  await agent.service.enroll({ code: collector.team.code, collectorUrl: collector.baseUrl });
});
afterEach(async () => {
  await agent.close();
  await collector.dispose();
});

const puts = () => collector.requests().filter((line) => line.startsWith(`PUT /api/v1/weeks/${WEEK}`));

describe('offline', () => {
  it('keeps a week queued across a restart while the collector is down, then delivers it once', async () => {
    await collector.stop();
    const preview = agent.service.preview({ checkInRequested: true });
    agent.service.share({ week: WEEK, checkInRequested: true, sha256: preview.sha256 });
    await agent.service.flush();
    // Tried, failed, retried with backoff: still queued.
    await agent.clock.advance(5_000);
    await agent.service.flush();
    const [waiting] = agent.service.history();
    expect(waiting).toMatchObject({ state: 'queued', json: preview.json });
    expect(waiting?.attempts).toBeGreaterThanOrEqual(2);
    expect(waiting?.lastError).toMatch(/could not be reached/);

    await agent.restart();
    expect(agent.service.history()[0]).toMatchObject({ state: 'queued', json: preview.json });
    await collector.start();
    await agent.clock.advance(60_000);
    await agent.service.flush();

    expect(agent.service.history()[0]).toMatchObject({ state: 'sent', json: preview.json });
    expect(puts()).toHaveLength(1);
    expect(collector.received()).toContain(`\r\n\r\n${preview.json}`);
    // Later restarts do not send it again.
    await agent.restart();
    await agent.clock.advance(60_000);
    await agent.service.flush();
    expect(puts()).toHaveLength(1);
  });

  it('keeps a revocation made offline across a restart and deletes at the collector when it is back', async () => {
    const preview = agent.service.preview({ checkInRequested: false });
    agent.service.share({ week: WEEK, checkInRequested: false, sha256: preview.sha256 });
    await agent.service.flush();
    expect(agent.service.history()[0]?.state).toBe('sent');

    await collector.stop();
    agent.service.revoke(WEEK);
    await agent.service.flush();
    expect(agent.service.history()[0]).toMatchObject({ state: 'revoking', revokedAt: null });
    expect(agent.service.view().outbox.revocations).toBe(1);
    await agent.restart();
    await collector.start();
    await agent.clock.advance(60_000);
    await agent.service.flush();

    const [revoked] = agent.service.history();
    expect(revoked).toMatchObject({ state: 'revoked', json: preview.json });
    expect(revoked?.revokedAt).toBe(agent.clock.now());
    expect((await agent.service.checkCollector()).weeks).toEqual([]);
    expect(collector.requests().filter((line) => line.startsWith('DELETE '))).toEqual([
      `DELETE /api/v1/weeks/${WEEK}`,
    ]);
  });
});
