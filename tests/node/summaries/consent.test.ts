/**
 * Consent is the agent's alone: off by default (the collector never hears from that install),
 * IT can turn sharing off but never on, and "don't share" keeps undelivered weeks on the PC.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { weekRange } from '../../../main/summaries/iso-week';

import { journalWeek } from './support/agent-week';
import { startLiveCollector, type LiveCollector } from './support/live-collector';
import { openSharingAgent, ZONE, type SharingAgent } from './support/sharing-agent';

const WEEK = '2026-W48';
const DAY = 86_400_000;
let collector: LiveCollector;
let agent: SharingAgent | null = null;

beforeEach(async () => {
  collector = await startLiveCollector();
});
afterEach(async () => {
  await agent?.close();
  agent = null;
  await collector.dispose();
});

function start(settingsFile?: object) {
  agent = openSharingAgent({ settingsFile });
  journalWeek(agent.journal, weekRange(WEEK, ZONE).start);
  return agent;
}

/** Weeks go by: every timer the agent's app set fires, then whatever is due is tried. */
async function weeksPass(current: SharingAgent, weeks: number) {
  await current.clock.advance(weeks * 7 * DAY);
  await current.service.flush();
}

describe('consent', () => {
  it('is off by default: nothing is sent, ever, and the collector sees no request from that install', async () => {
    const current = start({
      summaryPolicy: { collectorUrl: collector.baseUrl, enrollmentCode: collector.team.code },
    });
    const view = current.service.view();
    expect(view).toMatchObject({ consent: 'none', enrollment: null, pendingWeek: null });
    // The agent may look at what would be shared; that stays on the PC.
    expect(current.service.preview({ checkInRequested: false }).week).toBe(WEEK);
    expect(() =>
      current.service.share({ week: WEEK, checkInRequested: false, sha256: 'a'.repeat(64) }),
    ).toThrow(/Choose how to share/);
    await expect(current.service.enroll({ code: collector.team.code })).rejects.toThrow(
      /Choose how to share/,
    );
    await weeksPass(current, 3);
    await current.restart();
    await weeksPass(current, 1);
    expect(collector.requests()).toEqual([]);
    expect(collector.received()).toBe('');
  });

  it('cannot be switched on by IT: a consent written into settings.json is not obeyed', async () => {
    const current = start({
      summaryPolicy: {
        sharingAllowed: true,
        collectorUrl: collector.baseUrl,
        enrollmentCode: collector.team.code,
        consent: 'named',
        shareAutomatically: true,
      },
      sharing: {
        choice: { consent: 'named', mode: 'auto', name: 'Set by IT' },
        decidedAt: 1,
        seal: 'ab'.repeat(32),
        collectorUrl: collector.baseUrl,
        enrollment: null,
      },
    });
    // IT's address and code were read; its attempt at a consent was not.
    expect(current.service.view()).toMatchObject({
      consent: 'none',
      mode: 'ask',
      name: null,
      collectorUrl: collector.baseUrl,
      policy: { sharingAllowed: true, collectorUrlSetByIt: true, enrollmentCodeSetByIt: true },
    });
    await weeksPass(current, 2);
    await current.restart();
    await weeksPass(current, 1);
    expect(collector.requests()).toEqual([]);
  });

  it('cannot be kept on once IT turns sharing off: nothing more is sent', async () => {
    const current = start({ summaryPolicy: { sharingAllowed: false, collectorUrl: collector.baseUrl } });
    expect(current.service.view()).toMatchObject({ consent: 'none', policy: { sharingAllowed: false } });
    await expect(
      current.service.setSharing({ consent: 'anonymous', mode: 'auto', name: null }),
    ).rejects.toThrow(/IT has turned sharing off/);
    await weeksPass(current, 2);
    expect(collector.requests()).toEqual([]);
  });

  it("is not kept on by a choice edited behind the agent's back, nor once IT turns sharing off", async () => {
    const current = start({ summaryPolicy: { collectorUrl: collector.baseUrl } });
    await current.service.setSharing({ consent: 'anonymous', mode: 'ask', name: null });
    await current.service.enroll({ code: collector.team.code });
    await current.close();
    const file = join(current.dir, 'settings.json');
    const edited = JSON.parse(readFileSync(file, 'utf8')) as { sharing: { choice: { mode: string } } };
    edited.sharing.choice.mode = 'auto';
    writeFileSync(file, JSON.stringify(edited));
    await current.restart();
    expect(current.service.view().consent).toBe('none');
    await weeksPass(current, 2);
    expect(collector.requests().filter((line) => line.startsWith('PUT '))).toEqual([]);

    // The agent chooses "share automatically" themselves: the week that ended goes at once.
    await current.service.setSharing({ consent: 'anonymous', mode: 'auto', name: null });
    await current.service.flush();
    const putsBefore = collector.requests().filter((line) => line.startsWith('PUT ')).length;
    expect(putsBefore).toBe(1);
    await current.close();
    const turnedOff = JSON.parse(readFileSync(file, 'utf8')) as {
      summaryPolicy: { sharingAllowed: boolean };
    };
    turnedOff.summaryPolicy.sharingAllowed = false;
    writeFileSync(file, JSON.stringify(turnedOff));
    await current.restart();
    expect(current.service.view()).toMatchObject({ consent: 'none', policy: { sharingAllowed: false } });
    await weeksPass(current, 2);
    expect(collector.requests().filter((line) => line.startsWith('PUT '))).toHaveLength(putsBefore);
  });

  it('shares automatically only when the agent chose it, and enrolls with IT’s code once they opt in', async () => {
    const current = start({
      summaryPolicy: { collectorUrl: collector.baseUrl, enrollmentCode: collector.team.code },
    });
    const view = await current.service.setSharing({ consent: 'anonymous', mode: 'auto', name: null });
    expect(view.enrollment?.teamName).toBe('Night shift');
    await current.service.flush();
    expect(current.service.history().map((week) => [week.week, week.state])).toEqual([[WEEK, 'sent']]);
    // The next week ends: it goes by itself, without a card.
    await weeksPass(current, 1);
    expect(current.service.history().map((week) => week.week)).toEqual(['2026-W49', WEEK]);
    expect(current.service.view().pendingWeek).toBeNull();
  });

  it('asks each week by default (share or skip), and "don\'t share" keeps undelivered weeks here', async () => {
    const current = start({ summaryPolicy: { collectorUrl: collector.baseUrl } });
    await current.service.setSharing({ consent: 'anonymous', mode: 'ask', name: null });
    expect(current.service.view().pendingWeek).toBe(WEEK);
    expect(current.service.skip(WEEK).pendingWeek).toBeNull();
    await weeksPass(current, 1);
    expect(current.service.view().pendingWeek).toBe('2026-W49');
    // Not enrolled yet: the week waits in the outbox, then the agent changes their mind.
    const preview = current.service.preview({ checkInRequested: false });
    current.service.share({ week: preview.week, checkInRequested: false, sha256: preview.sha256 });
    expect(current.service.view().outbox.queued).toBe(1);
    await current.service.setSharing({ consent: 'none', mode: 'ask', name: null });
    expect(current.service.history()[0]).toMatchObject({ state: 'revoked' });
    expect(current.service.view().outbox).toEqual({ queued: 0, revocations: 0 });
    expect(collector.requests()).toEqual([]);
  });

  it('needs a name to share with a name', async () => {
    const current = start();
    await current.service.setSharing({ consent: 'named', mode: 'ask', name: 'Noa' });
    expect(current.service.preview({ checkInRequested: false }).payload).toMatchObject({
      consent: 'named',
      agentName: 'Noa',
    });
  });
});
