/**
 * A week that cannot be built as payload v1 (more than the schema's 100,000 calls) never stops
 * Steadyline from starting or saving the agent's choice; the failure is logged and nothing is queued.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { weekRange } from '../../../main/summaries/iso-week';

import { openSharingAgent, ZONE, type SharingAgent } from './support/sharing-agent';

let agent: SharingAgent | null = null;
afterEach(async () => {
  await agent?.close();
  agent = null;
});

describe('automatic sharing of a week out of the schema bounds', () => {
  it('logs the failure, queues nothing and lets the app start again', async () => {
    agent = openSharingAgent();
    agent.journal
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100001)
         INSERT INTO calls (direction, remote_uri, sip_call_id, started_at, answered_at)
         SELECT 'inbound', 'sip:x@pbx', 'c' || i, @start + i, @start + i FROM n`,
      )
      .run({ start: weekRange('2026-W48', ZONE).start });
    const view = await agent.service.setSharing({ consent: 'anonymous', mode: 'auto', name: null });
    expect(view.consent).toBe('anonymous');
    expect(agent.service.history()).toEqual([]);
    expect(agent.logText()).toContain('could not be shared automatically');
    expect(() => agent?.service.preview({ checkInRequested: false })).toThrow(
      /outside what a summary can hold/,
    );
    await agent.restart();
    expect(agent.service.view()).toMatchObject({ consent: 'anonymous', mode: 'auto' });
    expect(agent.service.history()).toEqual([]);
  });
});
