/**
 * IT revokes this install at the collector (its CLI's "install revoke"): the next delivery gets
 * 401, Steadyline forgets the token and keeps the week queued; enrolling again delivers it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { listInstalls, revokeInstall } from '../../../collector/src/teams';
import { weekRange } from '../../../main/summaries/iso-week';

import { journalWeek } from './support/agent-week';
import { AGENT_NOW, startLiveCollector, type LiveCollector } from './support/live-collector';
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

describe('an install revoked by IT', () => {
  it('forgets the token on 401, keeps the week queued, and delivers it after enrolling again', async () => {
    await agent.service.setSharing({ consent: 'anonymous', mode: 'ask', name: null });
    await agent.service.enroll({ code: collector.team.code, collectorUrl: collector.baseUrl });
    const [install] = await listInstalls(collector.db, collector.team.id);
    expect(install?.label).toBe('agent-pc-07');
    await revokeInstall(collector.db, install?.id ?? '', new Date(AGENT_NOW));

    const preview = agent.service.preview({ checkInRequested: false });
    agent.service.share({ week: WEEK, checkInRequested: false, sha256: preview.sha256 });
    await agent.service.flush();
    expect(agent.service.view().enrollment).toBeNull();
    expect(agent.service.history()[0]).toMatchObject({ state: 'queued', json: preview.json });
    expect(agent.logText()).toContain('enroll again');

    await agent.service.enroll({ code: collector.team.code });
    await agent.service.flush();
    expect(agent.service.history()[0]).toMatchObject({ state: 'sent', json: preview.json });
    expect((await agent.service.checkCollector()).weeks.map((held) => held.week)).toEqual([WEEK]);
  });
});
