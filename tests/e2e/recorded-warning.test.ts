/**
 * The recorded warning end to end: a customer (stock sip.js in Chromium) calls the agent through a
 * real Kamailio and analyses what it receives. The agent's fake microphone is a voice-like buzz
 * (180 Hz and its harmonics); IT's warning recording (policy WarningRecording, a real file) is a
 * 1 kHz test tone of 10 s. So the customer can tell them apart: the tone must arrive for as long as
 * the recording lasts, the agent's voice must not arrive while it plays and must again afterwards.
 * Then the final warning, with the built-in English recording: speech arrives, not the agent's
 * voice; the call ends by itself, is marked abusive, and the break starts. Then the journal, and
 * the same in Hebrew.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createWarningRecordings } from '../../main/warnings/recordings';
import { monoWav } from '../../scripts/wav.mjs';
import { WAIT, type Customer } from './support/agent';
import { expectNoAxeViolations } from './support/axe';
import { screenshot } from './support/chromium';
import { writeVoiceWav } from './support/voice-wav';
import { recoveryPolicySettings, useWorld } from './support/world';
import { plain } from '../renderer/support/text';

const AGENT_URI = 'sip:1001@127.0.0.1';
const NOA = { user: '0501234567', name: 'Noa Cohen' };
const TONE_HZ = 1000;
// Long enough that Stop is pressed while it plays, even on a loaded machine.
const TONE_SECONDS = 10;

const files = mkdtempSync(join(tmpdir(), 'steadyline-e2e-warning-files-'));
const agentVoiceFile = writeVoiceWav(join(files, 'agent-voice.wav'), 'loud');
const testTone = join(files, 'it-warning.wav');
writeFileSync(
  testTone,
  monoWav(
    48_000,
    Float64Array.from(
      { length: 48_000 * TONE_SECONDS },
      (_, index) => 0.5 * Math.sin((2 * Math.PI * TONE_HZ * index) / 48_000),
    ),
  ),
);
afterAll(() => rmSync(files, { recursive: true, force: true }));

const world = useWorld({
  name: 'warning',
  customers: [NOA],
  settings: recoveryPolicySettings({ minimumBreakSeconds: 3 }),
  // IT's own warning; the final warning stays the built-in one.
  previewEnv: { STEADYLINE_POLICY_JSON: JSON.stringify({ Recommended: { WarningRecording: testTone } }) },
  chromiumArgs: [`--use-file-for-fake-audio-capture=${agentVoiceFile}`],
});
let agent: Page;
let noa: Customer;
beforeAll(() => {
  agent = world.agent;
  noa = world.customer(NOA.user);
});

interface Heard {
  at: number;
  level: number;
  db: Record<string, number>;
}
const listen = () => noa.page.evaluate('window.customer.listen()') as Promise<number>;
const heardSince = (from: number) => noa.page.evaluate(`window.customer.heard(${from})`) as Promise<Heard[]>;

const at = (sample: Heard, hz: number) => sample.db[hz] ?? -200;
const above = (sample: Heard, peak: number, between: number) => at(sample, peak) - at(sample, between);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
/** A trace of the agent's buzz in one sample: audible peaks at 180 and 360 Hz above 270 Hz between them. */
const voice = (sample: Heard) =>
  at(sample, 180) > -70 && above(sample, 180, 270) > 10 && above(sample, 360, 270) > 10;
/**
 * The agent's voice in a stretch of samples: typically 20 dB of peak over the gap (its syllables
 * and the microphone's processing make single samples vary; speech of another pitch stays near 0).
 */
const agentVoice = (samples: Heard[]) =>
  samples.length >= 5 &&
  median(samples.map((sample) => above(sample, 180, 270))) > 10 &&
  median(samples.map((sample) => above(sample, 360, 270))) > 8;
/** IT's test tone: a narrow peak at 1 kHz. */
const tone = (sample: Heard) => above(sample, TONE_HZ, 950) > 20 && at(sample, TONE_HZ) > -70;
const share = (samples: Heard[], test: (sample: Heard) => boolean) =>
  samples.length === 0 ? 0 : samples.filter(test).length / samples.length;

/** What the customer heard in its last half second (10 samples of 50 ms). */
async function lately(): Promise<{ agent: boolean; tone: number }> {
  const recent = (await heardSince(0)).slice(-10);
  return { agent: agentVoice(recent), tone: share(recent, tone) };
}
const hearsTheAgent = async () => {
  const now = await lately();
  return now.agent && now.tone === 0;
};

const incoming = () => agent.getByRole('region', { name: 'Incoming call' });
const controls = () => agent.getByRole('region', { name: 'Recorded warning' });

async function answerNoa(answer = 'Answer', card = incoming()) {
  await noa.call(AGENT_URI);
  await card.waitFor(WAIT);
  await card.getByRole('button', { name: answer }).click();
  await expect.poll(noa.state, WAIT).toBe('Established');
  await expect.poll(listen, WAIT).toBeGreaterThanOrEqual(0);
  await expect.poll(hearsTheAgent, WAIT).toBe(true);
}

describe('a recorded warning for an abusive caller', () => {
  it('plays IT’s recording to the caller instead of the agent’s microphone, for as long as it lasts', async () => {
    await answerNoa();
    // From a second before the click: the agent's voice is heard then.
    const from = Math.max(0, (await listen()) - 20);
    await screenshot(agent, 'en-65-warning-controls');
    await expectNoAxeViolations(agent, 'warning controls');
    await controls().getByRole('button', { name: 'Play the warning' }).click();
    const status = controls().getByRole('status');
    await expect
      .poll(async () => plain(await status.textContent()), WAIT)
      .toMatch(/^The warning is playing to the caller\. Your microphone is off\./);
    await expect.poll(async () => (await lately()).tone, WAIT).toBeGreaterThanOrEqual(0.8);
    await screenshot(agent, 'en-64-warning-playing');
    await expectNoAxeViolations(agent, 'warning playing');

    // It ends by itself; the agent's microphone is sent again.
    await controls().getByRole('button', { name: 'Play the warning' }).waitFor(WAIT);
    await expect.poll(hearsTheAgent, WAIT).toBe(true);

    const samples = await heardSince(from);
    const toneAt = samples.filter(tone).map((sample) => sample.at);
    const first = Math.min(...toneAt);
    const last = Math.max(...toneAt);
    // Measured on the customer's audio clock: the whole recording arrived, and only it.
    expect(last - first).toBeGreaterThan(TONE_SECONDS - 0.4);
    expect(last - first).toBeLessThan(TONE_SECONDS + 0.4);
    const during = samples.filter((sample) => sample.at > first + 0.25 && sample.at < last - 0.25);
    expect(during.length).toBeGreaterThan(30);
    expect(share(during, voice)).toBe(0);
    expect(share(during, tone)).toBeGreaterThan(0.9);
    // The agent's voice right before and right after.
    expect(agentVoice(samples.filter((sample) => sample.at < first - 0.3))).toBe(true);
    expect(agentVoice(samples.filter((sample) => sample.at > last + 0.2))).toBe(true);
  }, 120_000);

  it('stops when the agent says so, and the microphone comes back at once', async () => {
    await controls().getByRole('button', { name: 'Play the warning' }).click();
    await expect.poll(async () => (await lately()).tone, WAIT).toBeGreaterThanOrEqual(0.8);
    await controls().getByRole('button', { name: 'Stop the warning' }).click();
    await controls().getByRole('button', { name: 'Play the warning' }).waitFor(WAIT);
    await expect.poll(hearsTheAgent, WAIT).toBe(true);
  }, 60_000);

  it('plays the final warning (built in), then ends the call, marks it abusive and starts the break', async () => {
    const final = await createWarningRecordings({
      assetsDir: resolve(import.meta.dirname, '../../assets'),
      itFiles: () => ({ warning: null, final: null }),
    }).get('final', 'en');
    const before = (await heardSince(0)).slice(-20);
    await controls().getByRole('button', { name: 'Final warning and end call' }).click();
    await expect
      .poll(async () => plain(await controls().getByRole('status').textContent()), WAIT)
      .toContain('The final warning is playing; the call ends after it.');
    // From here main has the recording's length and the window plays it.
    const from = await listen();
    await expect.poll(noa.state, { timeout: final.durationMs + 20_000, interval: 250 }).toBe('Terminated');

    const closing = await heardSince(from + 4);
    const loud = closing.filter((sample) => sample.level > -50).map((sample) => sample.at);
    // Speech for about as long as the recording, then the call ended by itself.
    expect(Math.max(...loud) - Math.min(...loud)).toBeGreaterThan(final.durationMs / 1000 - 1.5);
    expect(Math.max(...loud) - Math.min(...loud)).toBeLessThan(final.durationMs / 1000 + 1);
    // The agent's voice before, the synthetic one after (its pitch glides through 180 Hz now and
    // then, so single samples prove nothing here: the test tone above is the strict check).
    expect(agentVoice(before)).toBe(true);
    expect(agentVoice(closing)).toBe(false);

    const breakScreen = agent.getByRole('dialog', { name: 'Take a moment' });
    await breakScreen.waitFor({ timeout: 60_000 });
    const end = breakScreen.getByRole('button', { name: 'End break' });
    await expect.poll(() => end.isEnabled(), { timeout: 60_000, interval: 500 }).toBe(true);
    await end.click();
    const reflection = agent.getByTestId('reflection');
    await reflection.getByRole('button', { name: 'Skip' }).click();
    await reflection.waitFor({ state: 'detached', timeout: WAIT.timeout });
  }, 150_000);

  it('keeps which warnings were given, and when, in the journal', async () => {
    await agent.getByRole('button', { name: 'Journal' }).click();
    const call = agent.getByTestId('journal-call').first();
    await call.waitFor(WAIT);
    const text = plain(await call.textContent());
    expect(text).toContain('Abusive');
    expect(text.match(/Warning played at \d{1,2}:\d{2}/g)).toHaveLength(2);
    expect(text).toMatch(/Final warning played at \d{1,2}:\d{2}/);
    await agent.getByRole('button', { name: 'Phone' }).click();
  }, 60_000);

  it('works the same in Hebrew, right to left', async () => {
    await agent.getByRole('button', { name: 'Settings' }).click();
    await agent.getByLabel('Language').selectOption('he');
    await expect.poll(() => agent.evaluate('document.documentElement.dir'), WAIT).toBe('rtl');
    await agent.getByRole('button', { name: 'טלפון' }).click();

    await answerNoa('מענה', agent.getByRole('region', { name: 'שיחה נכנסת' }));
    const region = agent.getByRole('region', { name: 'אזהרה מוקלטת' });
    await region.getByRole('button', { name: 'השמעת האזהרה' }).click();
    await expect
      .poll(async () => plain(await region.getByRole('status').textContent()), WAIT)
      .toContain('האזהרה מושמעת למתקשר/ת. המיקרופון שלך כבוי.');
    await expect.poll(async () => (await lately()).tone, WAIT).toBeGreaterThanOrEqual(0.8);
    await screenshot(agent, 'he-64-warning-playing');
    await expectNoAxeViolations(agent, 'warning playing, Hebrew');
    await region.getByRole('button', { name: 'עצירת האזהרה' }).click();
    await expect.poll(hearsTheAgent, WAIT).toBe(true);
    await agent.getByRole('button', { name: 'ניתוק' }).click();
    await expect.poll(noa.state, WAIT).toBe('Terminated');
  }, 120_000);
});
