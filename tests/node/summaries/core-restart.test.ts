/**
 * Offline through the whole core and its router (as the window calls it): the collector is
 * stopped, a week is shared, the core is closed and created again on the same data folder, the
 * collector comes back, and the week is delivered exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import { createCore, type Core } from '../../../main/core/create-core';
import { TestOnlyCipher } from '../../../main/devtools/test-only-cipher';
import { openJournal } from '../../../main/journal/open-journal';
import { silentLogger } from '../../../main/logging/logger';
import { SdpOnlyMediaEngine } from '../../../main/phone/sdp-only-media-engine';
import { createConfStore } from '../../../main/settings/conf-store';
import { weekRange } from '../../../main/summaries/iso-week';
import type { SharedWeekView, SummaryPreview } from '../../../preload/contract';
import { FakeClock } from '../../support/fake-clock';

import { journalWeek } from './support/agent-week';
import { AGENT_NOW, startLiveCollector, type LiveCollector } from './support/live-collector';
import { ZONE } from './support/sharing-agent';

const WEEK = '2026-W48';
let dataDir: string;
let collector: LiveCollector;
let core: Core | null = null;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-core-share-'));
  const journal = openJournal({ file: join(dataDir, 'journal.sqlite3'), logger: silentLogger() });
  journalWeek(journal.db, weekRange(WEEK, ZONE).start);
  journal.close();
  collector = await startLiveCollector();
});
afterEach(async () => {
  await core?.close();
  await collector.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

function startCore(now: number): Core {
  return createCore({
    dataDir,
    settingsStore: createConfStore({ cwd: dataDir }),
    cipher: new TestOnlyCipher(),
    logger: silentLogger(),
    version: '0.0.0-test',
    webSocket: WebSocket,
    media: new SdpOnlyMediaEngine(),
    clock: new FakeClock(now),
    timeZone: ZONE,
    fetch: (url, init) => fetch(url, init),
  });
}

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await core?.router.handle(channel, payload);
  if (!result?.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`);
  return result.value as T;
}

const history = () => call<SharedWeekView[]>('summaries:history');

describe('offline, across a restart of the core', () => {
  it('delivers a week queued while the collector was down once, after the core restarts', async () => {
    core = startCore(AGENT_NOW);
    await call('summaries:setSharing', { consent: 'anonymous', mode: 'ask', name: null });
    await call('summaries:enroll', { code: collector.team.code, collectorUrl: collector.baseUrl });
    await collector.stop();
    const preview = await call<SummaryPreview>('summaries:preview', { checkInRequested: false });
    await call('summaries:share', { week: WEEK, checkInRequested: false, sha256: preview.sha256 });
    await expect.poll(async () => (await history())[0]?.attempts).toBeGreaterThanOrEqual(1);
    expect((await history())[0]).toMatchObject({ state: 'queued', json: preview.json });
    await core.close();

    await collector.start();
    core = startCore(AGENT_NOW + 60_000);
    await expect.poll(async () => (await history())[0]?.state, { timeout: 15_000 }).toBe('sent');
    expect((await history())[0]?.json).toBe(preview.json);
    const puts = collector.requests().filter((line) => line.startsWith(`PUT /api/v1/weeks/${WEEK}`));
    expect(puts).toHaveLength(1);
    expect(collector.received()).toContain(`\r\n\r\n${preview.json}`);
    const held = await call<{ weeks: Array<{ week: string }> }>('summaries:checkCollector');
    expect(held.weeks.map((week) => week.week)).toEqual([WEEK]);
  });
});
