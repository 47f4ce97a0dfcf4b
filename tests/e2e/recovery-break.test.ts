/**
 * The recovery break end to end, on real parts: a sip.js customer in Chromium calls the agent
 * through Kamailio; the agent answers, marks the call abusive and hangs up; the break counts down
 * (a short policy in settings.json, as IT would); a call during the break is refused with 480 and
 * Retry-After and never rings; the reflection is saved, and the journal links call, mark, break,
 * reflection (and the refused call). The queue (an HTTP server on 127.0.0.1) hears "paused", again
 * "paused" for the wrap-up, then "available". A core restarted mid-break resumes the time left. A
 * loud caller ends with the loud-call offer, a quiet one not. "Transfer to my lead" marks the caller
 * abusive and hands the call over (REFER), and the break follows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RecoveryState, TimelineEntry } from '../../preload/contract';
import { DEFAULT_RECOVERY_POLICY } from '../../main/settings/recovery-settings';
import { startQueueServer, type QueueServer } from '../node/breaks/support/queue-server';
import { createKamailio, TESTBED_PASSWORD, type Kamailio } from '../node/phone/support/kamailio';

import { launchChromium, screenshot, type LaunchedBrowser } from './support/chromium';
import { startCustomerSite, type CustomerSite } from './support/customer-site';
import { MEDIA_FLAGS, openAgent } from './support/agent';
import { agentTotals } from './support/peer-connections';
import { startPreviewProcess, type PreviewProcess } from './support/preview-process';
import { writeVoiceWav } from './support/voice-wav';

const AGENT = '1001';
const LOUD_CUSTOMER = { user: '0501234567', name: 'Noa Cohen' };
const QUIET_CUSTOMER = { user: '0507654321', name: 'Avi Levi' };
const BREAK_SECONDS = 12;
/** The team lead "Transfer to my lead" calls (the quiet customer's page plays the lead). */
const LEAD_URI = `sip:${QUIET_CUSTOMER.user}@127.0.0.1`;
const WAIT = { timeout: 30_000, interval: 200 };

let kamailio: Kamailio;
let site: CustomerSite;
let queue: QueueServer;
let loudBrowser: LaunchedBrowser;
let quietBrowser: LaunchedBrowser;
let preview: PreviewProcess;
let dataDir: string;
let agent: Page;
let customer: Page;
let quietCustomer: Page;

function writePolicy(queueUrl: string) {
  const recoveryPolicy = {
    ...DEFAULT_RECOVERY_POLICY,
    defaultBreakSeconds: BREAK_SECONDS,
    minimumBreakSeconds: 3,
    maximumBreakSeconds: 60,
    extendBySeconds: 10,
    queueWebhook: { url: queueUrl, timeoutMs: 2000, retries: 1 },
    agentName: 'dana',
    leadUri: LEAD_URI,
  };
  const settings = { settingsVersion: 2, account: null, language: 'en', recoveryPolicy };
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-e2e-breaks-'));
  const loudWav = writeVoiceWav(join(dataDir, 'loud.wav'), 'loud');
  const quietWav = writeVoiceWav(join(dataDir, 'quiet.wav'), 'quiet');
  queue = await startQueueServer();
  writePolicy(queue.url);
  kamailio = await createKamailio();
  await kamailio.start();
  site = await startCustomerSite();
  loudBrowser = await launchChromium([...MEDIA_FLAGS, `--use-file-for-fake-audio-capture=${loudWav}`]);
  quietBrowser = await launchChromium([...MEDIA_FLAGS, `--use-file-for-fake-audio-capture=${quietWav}`]);
  preview = await startPreviewProcess(dataDir);
  agent = await openAgent(loudBrowser, preview.url, kamailio.wsUrl, AGENT);
  customer = await openCustomer(loudBrowser, LOUD_CUSTOMER);
  quietCustomer = await openCustomer(quietBrowser, QUIET_CUSTOMER);
}, 90_000);

afterAll(async () => {
  await preview?.stop();
  await loudBrowser?.close();
  await quietBrowser?.close();
  await site?.close();
  await kamailio?.stop();
  await queue?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openCustomer(browser: LaunchedBrowser, who: { user: string; name: string }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(
    `${site.pageUrl({ server: kamailio.wsUrl, password: TESTBED_PASSWORD, ...who })}&rawAudio=1`,
  );
  await page.waitForFunction('window.customer?.registered === true', null, WAIT);
  return page;
}

const callAgent = (page: Page) => page.evaluate(`window.customer.call('sip:${AGENT}@127.0.0.1')`);
const customerState = (page: Page) => page.evaluate('window.customer.state()') as Promise<string>;
const breakState = () =>
  agent.evaluate('window.steadyline.breaks.get().then((result) => result.value)') as Promise<RecoveryState>;
const timeline = () =>
  agent.evaluate('window.steadyline.journal.timeline({}).then((result) => result.value)') as Promise<
    TimelineEntry[]
  >;
const queueStates = () => queue.received.map((post) => post.state);

async function answerCall(from: Page) {
  await callAgent(from);
  const card = agent.getByRole('region', { name: 'Incoming call' });
  await card.waitFor(WAIT);
  await card.getByRole('button', { name: 'Answer' }).click();
  await expect.poll(() => customerState(from), WAIT).toBe('Established');
}

describe('a recovery break after an abusive call', () => {
  it('marks, hangs up, refuses the next call with 480 and Retry-After, counts down, reflects and journals it all, linked', async () => {
    await answerCall(customer);
    const bar = agent.getByRole('region', { name: 'This call' });
    await bar.getByText('Add what happened (optional)').click();
    await bar.getByLabel('Shouting').check();
    await bar.getByLabel('Insults or profanity').check();
    await screenshot(agent, 'en-40-mark-abusive');
    await bar.getByRole('button', { name: 'Mark abusive' }).click();
    await bar.getByTestId('mark-state').getByText('Marked as abusive.').waitFor(WAIT);
    await agent.getByText(`A ${BREAK_SECONDS} s break starts when this call ends.`).waitFor(WAIT);
    expect(queue.received).toEqual([]);

    await agent.evaluate(
      `window.__rang = 0; window.steadyline.phone.onCall((call) => { if (call.state === 'ringing') window.__rang += 1; })`,
    );
    await agent.getByRole('button', { name: 'Hang up' }).click();
    const breakScreen = agent.getByRole('dialog', { name: 'Take a moment' });
    await breakScreen.waitFor(WAIT);
    const timer = breakScreen.getByRole('timer');
    const firstReading = await timer.textContent();
    expect(firstReading).toMatch(/^0:(1[0-2]|0\d)$/);
    await expect.poll(() => timer.textContent(), WAIT).not.toBe(firstReading);
    await screenshot(agent, 'en-41-break');
    await expect.poll(queueStates, WAIT).toEqual(['paused']);
    const { active } = await breakState();
    expect(queue.received[0]).toEqual({
      agent: 'dana',
      state: 'paused',
      reason: 'recovery-break',
      until: new Date(active?.endsAt ?? 0).toISOString(),
    });

    await callAgent(customer);
    await expect.poll(() => customer.evaluate('window.customer.rejections.length'), WAIT).toBe(1);
    const [refusal] = (await customer.evaluate('window.customer.rejections')) as Array<{
      status: number;
      retryAfter: string;
    }>;
    expect(refusal?.status).toBe(480);
    expect(Number(refusal?.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refusal?.retryAfter)).toBeLessThanOrEqual(BREAK_SECONDS);
    expect(await agent.evaluate('window.__rang')).toBe(0);
    expect(await agent.getByRole('region', { name: 'Incoming call' }).count()).toBe(0);

    const reflection = agent.getByTestId('reflection');
    await reflection.waitFor(WAIT);
    await expect.poll(queueStates, WAIT).toEqual(['paused', 'paused']);
    await reflection.getByRole('group', { name: 'Your mood now' }).getByLabel('3').check();
    await reflection.getByRole('group', { name: 'How hard was the call' }).getByLabel('5').check();
    await reflection.getByLabel('What I felt').fill('Shaken, and a bit angry');
    await reflection.getByLabel('What I thought').fill('He was angry at the bank, not at me');
    await reflection.getByLabel('Breathing').check();
    await reflection.getByRole('group', { name: 'It was not about me' }).getByLabel('4').check();
    await reflection.getByLabel("I'd like to talk about this with my lead").check();
    await reflection.evaluate((form) => form.scrollTo(0, 0));
    await screenshot(agent, 'en-42-reflection');
    await reflection.getByRole('button', { name: 'Save reflection' }).click();
    await reflection.waitFor({ state: 'detached', timeout: WAIT.timeout });
    await expect.poll(queueStates, WAIT).toEqual(['paused', 'paused', 'available']);

    await agent.getByRole('button', { name: 'Journal' }).click();
    const list = agent.getByRole('group', { name: 'Timeline' });
    await expect.poll(() => list.getByRole('listitem').count(), WAIT).toBe(4);
    expect(await list.textContent()).toContain('Abusive · Insults or profanity · Shouting');
    expect(await list.textContent()).toContain('refused during a break');
    await screenshot(agent, 'en-43-journal');
    const entries = await timeline();
    const call = entries.find((entry) => entry.kind === 'call' && entry.marks.length > 0);
    const pause = entries.find((entry) => entry.kind === 'break');
    const note = entries.find((entry) => entry.kind === 'reflection');
    expect(entries.map((entry) => entry.kind)).toEqual(['reflection', 'call', 'break', 'call']);
    expect(call).toMatchObject({
      remoteDisplayName: LOUD_CUSTOMER.name,
      marks: [{ kind: 'abusive', severity: null, undone: false }],
    });
    expect(pause).toMatchObject({
      callId: call?.id,
      trigger: 'abusive-call',
      plannedSeconds: BREAK_SECONDS,
      endedHow: 'completed',
    });
    expect(note).toMatchObject({
      breakId: pause?.id,
      callId: call?.id,
      mood: 3,
      difficulty: 5,
      notAboutMe: 4,
      talkToLead: true,
      helped: ['breathing'],
      felt: 'Shaken, and a bit angry',
    });
    expect(JSON.stringify(queue.received)).not.toMatch(/Noa|0501234567|Shaken|bank/);
  });

  it('in Hebrew, survives a restart of the core in the middle of the break, with the time left', async () => {
    await agent.getByRole('button', { name: 'Settings' }).click();
    await agent.getByLabel('Language').selectOption('he');
    await expect.poll(() => agent.evaluate('document.documentElement.dir'), WAIT).toBe('rtl');
    await agent.getByRole('button', { name: 'טלפון' }).click();
    await agent.getByRole('button', { name: 'אני צריך/ה רגע' }).click();
    await agent.getByRole('alertdialog').getByRole('button', { name: 'לקחת הפסקה' }).click();
    const breakScreen = agent.getByRole('dialog', { name: 'רגע לעצמך' });
    await breakScreen.waitFor(WAIT);
    await screenshot(agent, 'he-41-break');
    const before = (await breakState()).active;
    expect(before?.trigger).toBe('manual');

    await preview.stop();
    preview = await startPreviewProcess(dataDir);
    await agent.goto(preview.url);
    await breakScreen.waitFor(WAIT);
    const after = (await breakState()).active;
    expect(after).toMatchObject({ id: before?.id, startedAt: before?.startedAt, endsAt: before?.endsAt });
    const left = (await breakScreen.getByRole('timer').textContent()) ?? '';
    expect(Number(left.split(':')[1])).toBeLessThan(BREAK_SECONDS);

    const reflection = agent.getByTestId('reflection');
    await reflection.waitFor(WAIT);
    await screenshot(agent, 'he-42-reflection');
    await reflection.getByRole('button', { name: 'דילוג' }).click();
    await reflection.waitFor({ state: 'detached', timeout: WAIT.timeout });
    await expect.poll(() => queueStates().slice(-2), WAIT).toEqual(['paused', 'available']);
    const pause = (await timeline()).find((entry) => entry.kind === 'break' && entry.id === before?.id);
    expect(pause).toMatchObject({ trigger: 'manual', plannedSeconds: BREAK_SECONDS, endedHow: 'completed' });
  });
});

describe('the loud-call offer', () => {
  async function talkThenCustomerHangsUp(from: Page) {
    await answerCall(from);
    // About 5 s of the customer's audio reach the agent (50 packets a second).
    await expect.poll(async () => (await agentTotals(agent)).received, WAIT).toBeGreaterThan(250);
    await from.evaluate('window.customer.hangup()');
    await expect.poll(() => customerState(from), WAIT).toBe('Terminated');
    await agent.getByTestId('call-ended').waitFor(WAIT);
  }

  it('appears after a call with sustained shouting, and not after a quiet one', async () => {
    await agent.getByRole('button', { name: 'הגדרות' }).click();
    await agent.getByLabel('שפה').selectOption('en');
    await agent.getByRole('button', { name: 'Phone' }).click();

    await talkThenCustomerHangsUp(customer);
    const offer = agent.getByTestId('loud-call');
    await offer.waitFor(WAIT);
    expect(await offer.textContent()).toContain('That call got loud — mark it as abusive?');
    await screenshot(agent, 'en-44-loud-call');
    await offer.getByRole('button', { name: 'No' }).click();

    await talkThenCustomerHangsUp(quietCustomer);
    expect(await agent.getByTestId('call-ended').textContent()).toContain(QUIET_CUSTOMER.name);
    expect(await agent.getByTestId('loud-call').count()).toBe(0);
  });
});

describe('transfer to my lead', () => {
  it('marks the abusive caller and hands the call to the lead with one button; the break follows', async () => {
    await quietCustomer.evaluate('window.customer.answerNextCall()');
    await answerCall(customer);
    const bar = agent.getByRole('region', { name: 'This call' });
    await bar.getByRole('button', { name: 'Transfer to my lead' }).click();
    await expect.poll(() => customerState(quietCustomer), WAIT).toBe('Established');
    expect(await customer.evaluate('window.customer.referredTo')).toEqual([`<${LEAD_URI}>`]);
    const breakScreen = agent.getByRole('dialog', { name: 'Take a moment' });
    await breakScreen.waitFor(WAIT);
    const [call] = (await timeline()).filter((entry) => entry.kind === 'call');
    expect(call).toMatchObject({
      remoteDisplayName: LOUD_CUSTOMER.name,
      endReason: 'transferred',
      marks: [{ kind: 'abusive', undone: false }],
    });
    expect((await breakState()).active).toMatchObject({ trigger: 'abusive-call', callId: call?.id });

    await breakScreen.getByRole('button', { name: 'End break' }).click();
    const reflection = agent.getByTestId('reflection');
    await reflection.getByRole('button', { name: 'Skip' }).click();
    await reflection.waitFor({ state: 'detached', timeout: WAIT.timeout });
    await quietCustomer.evaluate('window.customer.hangup()');
    await expect.poll(() => customerState(customer), WAIT).toBe('Terminated');
  });
});
