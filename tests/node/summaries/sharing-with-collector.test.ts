/**
 * The agent side against the real collector (buildCollector on PGlite, over loopback HTTP):
 * opt in, enroll, preview, share, history, revoke; the bytes the collector received are the
 * preview's; the canaries planted in the journal never reach it, nor its logs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { INSTALL_TOKEN_SECRET } from '../../../main/summaries/enrollment';
import { weekRange } from '../../../main/summaries/iso-week';

import { CANARIES, EXPECTED_FIGURES, journalWeek } from './support/agent-week';
import { startLiveCollector, type LiveCollector } from './support/live-collector';
import { openSharingAgent, ZONE, type SharingAgent } from './support/sharing-agent';

const WEEK = '2026-W48';
let collector: LiveCollector;
let agent: SharingAgent;

beforeEach(async () => {
  collector = await startLiveCollector();
  agent = openSharingAgent();
  journalWeek(agent.journal, weekRange(WEEK, ZONE).start);
});
afterEach(async () => {
  await agent.close();
  await collector.dispose();
});

async function optInAndEnroll(consent: 'anonymous' | 'named' = 'anonymous', name: string | null = null) {
  await agent.service.setSharing({ consent, mode: 'ask', name });
  return agent.service.enroll({ code: collector.team.code, collectorUrl: collector.baseUrl });
}

describe('sharing a week with the team collector', () => {
  it('sends byte for byte what the preview showed, and the history keeps those bytes', async () => {
    const enrolled = await optInAndEnroll();
    expect(enrolled.enrollment?.teamName).toBe('Night shift');
    expect(enrolled.pendingWeek).toBe(WEEK);
    const preview = agent.service.preview({ checkInRequested: true });
    expect(preview.week).toBe(WEEK);
    expect(preview.payload).toMatchObject({
      ...EXPECTED_FIGURES,
      consent: 'anonymous',
      checkInRequested: true,
    });
    const queued = agent.service.share({ week: WEEK, checkInRequested: true, sha256: preview.sha256 });
    expect(queued.state).toBe('queued');
    await agent.service.flush();

    const [entry] = agent.service.history();
    expect(entry).toMatchObject({ week: WEEK, state: 'sent', json: preview.json, sha256: preview.sha256 });
    expect(entry?.receivedAt).not.toBeNull();
    // The request body as it arrived on the collector's socket is exactly the preview's bytes.
    const received = collector.received();
    const puts = received.split(`PUT /api/v1/weeks/${WEEK} HTTP/1.1`);
    expect(puts).toHaveLength(2);
    expect(puts[1]?.split('\r\n\r\n')[1]).toBe(preview.json);
    const held = await agent.service.checkCollector();
    expect(held.weeks).toEqual([{ week: WEEK, consent: 'anonymous', receivedAt: entry?.receivedAt }]);
    expect(agent.service.view().pendingWeek).toBeNull();
  });

  it('refuses to share bytes other than the ones previewed', async () => {
    await optInAndEnroll();
    const preview = agent.service.preview({ checkInRequested: false });
    expect(() => agent.service.share({ week: WEEK, checkInRequested: true, sha256: preview.sha256 })).toThrow(
      /changed since you looked/,
    );
    expect(() =>
      agent.service.share({ week: '2026-W49', checkInRequested: false, sha256: preview.sha256 }),
    ).toThrow(/ended/);
  });

  it('sends a week shared twice once: the same bytes are not sent again', async () => {
    await optInAndEnroll();
    const preview = agent.service.preview({ checkInRequested: false });
    agent.service.share({ week: WEEK, checkInRequested: false, sha256: preview.sha256 });
    await agent.service.flush();
    agent.service.share({ week: WEEK, checkInRequested: false, sha256: preview.sha256 });
    await agent.service.flush();
    expect(collector.requests().filter((line) => line.startsWith('PUT '))).toHaveLength(1);
  });

  it('never lets a planted caller name, number, Call-ID, note or tag reach the collector or its logs', async () => {
    await optInAndEnroll('named', 'Dana Levi');
    const preview = agent.service.preview({ checkInRequested: false });
    agent.service.share({ week: WEEK, checkInRequested: false, sha256: preview.sha256 });
    await agent.service.flush();
    await agent.service.checkCollector();
    agent.service.revoke(WEEK);
    await agent.service.flush();
    const everything = `${collector.received()}\n${collector.logText()}`;
    expect(collector.requests().length).toBeGreaterThanOrEqual(4);
    for (const canary of Object.values(CANARIES)) expect(everything).not.toContain(canary);
    // The name goes only because the agent chose "with my name", and only in the body.
    expect(collector.received()).toContain('"agentName": "Dana Levi"');
    expect(collector.logText()).not.toContain('Dana Levi');
  });

  it('keeps the install token in the secret store only: never in settings or a log', async () => {
    await optInAndEnroll();
    const secrets = readFileSync(join(agent.dir, 'secrets.json'), 'utf8');
    expect(JSON.parse(secrets)).toHaveProperty(INSTALL_TOKEN_SECRET);
    await agent.service.checkCollector();
    const secret = /authorization: Bearer (\S+)/i.exec(collector.received())?.[1] ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(agent.dir, 'settings.json'), 'utf8')).not.toContain(secret);
    expect(secrets).not.toContain(secret);
    expect(agent.logText()).not.toContain(secret);
    expect(collector.logText()).not.toContain(secret);
  });

  it('revokes one week or everything in one click; the collector then holds nothing', async () => {
    await optInAndEnroll();
    for (const week of ['2026-W47', WEEK]) {
      const preview = agent.service.preview({ week, checkInRequested: false });
      agent.service.share({ week, checkInRequested: false, sha256: preview.sha256 });
    }
    await agent.service.flush();
    expect((await agent.service.checkCollector()).weeks.map((held) => held.week).sort()).toEqual([
      '2026-W47',
      WEEK,
    ]);
    agent.service.revoke('2026-W47');
    await agent.service.flush();
    expect((await agent.service.checkCollector()).weeks.map((held) => held.week)).toEqual([WEEK]);
    agent.service.revoke(null);
    await agent.service.flush();
    expect((await agent.service.checkCollector()).weeks).toEqual([]);
    const history = agent.service.history();
    expect(history.map((week) => [week.week, week.state])).toEqual([
      [WEEK, 'revoked'],
      ['2026-W47', 'revoked'],
    ]);
    for (const week of history) expect(week.revokedAt).toBe(agent.clock.now());
    expect(agent.service.view().outbox).toEqual({ queued: 0, revocations: 0 });
  });

  it('refuses a wrong enrollment code with a clear message and stores no token', async () => {
    await agent.service.setSharing({ consent: 'anonymous', mode: 'ask', name: null });
    await expect(
      agent.service.enroll({ code: 'WRONG-CODE-123', collectorUrl: collector.baseUrl }),
    ).rejects.toThrow(/did not accept/);
    expect(agent.service.view().enrollment).toBeNull();
  });
});
