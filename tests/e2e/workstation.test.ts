/**
 * The agent workstation end to end, in the real renderer bundle (Debian Chromium, fake audio
 * devices) against the real core and a real Kamailio on loopback, with two customers (stock sip.js
 * with its own WebRTC): a second call arrives during a call and is answered while the first waits
 * on hold; the agent switches microphone and speaker during a call and audio keeps flowing; the
 * calls appear in the history with their quality summary. Screenshots in English and Hebrew.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { expectRising, expectStill, WAIT, type Customer } from './support/agent';
import { screenshot } from './support/chromium';
import {
  agentAudioRouting,
  agentCallTotals,
  agentConnectionCount,
  agentDtmfTones,
} from './support/peer-connections';
import { useWorld } from './support/world';
import { plain } from '../renderer/support/text';

const AGENT_URI = 'sip:1001@127.0.0.1';

const NOA = { user: '0501234567', name: 'Noa Cohen' };
const AVI = { user: '0529876543', name: 'Avi Mizrahi' };
const world = useWorld({ name: 'workstation', customers: [NOA, AVI] });
let agent: Page;
let noa: Customer;
let avi: Customer;
beforeAll(() => {
  agent = world.agent;
  noa = world.customer(NOA.user);
  avi = world.customer(AVI.user);
});

const callRegion = (name: string) => agent.getByRole('region', { name });
/** Whether the ringtone (assets/ringtone.wav) is playing in the agent's window. */
const ringtonePlaying = () =>
  agent.evaluate(
    "[...document.querySelectorAll('audio')].some((audio) => audio.src.includes('ringtone') && !audio.paused)",
  ) as Promise<boolean>;
const agentCall = (index: number) => () => agentCallTotals(agent, index);

/** Noa calls, the agent answers; resolves with the index of the agent's connection for it. */
async function answerNoa(answerLabel = 'Answer', incoming = 'Incoming call'): Promise<number> {
  const index = await agentConnectionCount(agent);
  await noa.call(AGENT_URI);
  await callRegion(incoming).getByRole('button', { name: answerLabel }).click();
  await expect.poll(noa.state, WAIT).toBe('Established');
  await expectRising(agentCall(index), 'received');
  return index;
}

async function hangUpAll(hangUp = 'Hang up') {
  for (let left = await agent.getByTestId('in-call').count(); left > 0; left -= 1) {
    await agent.getByTestId('in-call').first().getByRole('button', { name: hangUp }).click();
    await expect.poll(() => agent.getByTestId('in-call').count(), WAIT).toBe(left - 1);
  }
}

describe('call waiting', () => {
  it('rings, then shows a second call as waiting during a call (no ringtone), answers it, and holds the first', async () => {
    expect(await ringtonePlaying()).toBe(false);
    await noa.call(AGENT_URI);
    await callRegion('Incoming call').waitFor(WAIT);
    await expect.poll(ringtonePlaying, WAIT).toBe(true);
    await callRegion('Incoming call').getByRole('button', { name: 'Answer' }).click();
    await expect.poll(ringtonePlaying, WAIT).toBe(false);
    await expect.poll(noa.state, WAIT).toBe('Established');
    const first = (await agentConnectionCount(agent)) - 1;
    await expectRising(agentCall(first), 'received');
    await avi.call(AGENT_URI);
    const waiting = callRegion('Call waiting');
    await waiting.waitFor(WAIT);
    // A waiting call shows its card but does not ring over the call in progress.
    expect(await ringtonePlaying()).toBe(false);
    expect(await waiting.textContent()).toContain('Avi Mizrahi');
    expect(plain(await waiting.textContent())).toContain('Answering puts Noa Cohen on hold.');
    await screenshot(agent, 'en-20-call-waiting');

    await waiting.getByRole('button', { name: 'Answer and hold the current call' }).click();
    await expect.poll(avi.state, WAIT).toBe('Established');
    await expect.poll(() => callRegion('Noa Cohen').textContent(), WAIT).toContain('On hold');
    await expect.poll(() => callRegion('Avi Mizrahi').textContent(), WAIT).toContain('Connected');
    await expectRising(agentCall(first + 1), 'received');
    await expectRising(avi.totals, 'received');
    await expectStill(agentCall(first), 'received', async () => (await avi.totals()).received);
    await screenshot(agent, 'en-21-two-calls-one-held');

    await hangUpAll();
    await expect.poll(noa.state, WAIT).toBe('Terminated');
    await expect.poll(avi.state, WAIT).toBe('Terminated');
  });
});

describe('audio devices', () => {
  it('switches microphone and speaker during a call without dropping it; audio keeps flowing', async () => {
    const call = await answerNoa();
    await agent.getByRole('button', { name: 'Settings', exact: true }).click();
    const microphone = agent.getByLabel('Microphone', { exact: true });
    await microphone.selectOption({ label: 'Fake Audio Input 2' });
    await expect.poll(() => microphone.inputValue(), WAIT).not.toBe('');
    const micId = await microphone.inputValue();
    const speaker = agent.getByLabel('Speaker or headset');
    await speaker.selectOption({ label: 'Fake Audio Output 1' });
    await expect.poll(() => speaker.inputValue(), WAIT).not.toBe('');
    const speakerId = await speaker.inputValue();
    await expect.poll(async () => (await agentAudioRouting(agent)).microphones, WAIT).toEqual([micId]);
    await expect.poll(async () => (await agentAudioRouting(agent)).sinks, WAIT).toContain(speakerId);
    await expectRising(agentCall(call), 'sent');
    await expectRising(noa.totals, 'received');
    await expectRising(agentCall(call), 'received');
    await expect.poll(noa.state, WAIT).toBe('Established');
    await expect
      .poll(
        async () =>
          Number(await agent.getByRole('meter', { name: 'Microphone level' }).getAttribute('aria-valuenow')),
        WAIT,
      )
      .toBeGreaterThan(0);
    await screenshot(agent, 'en-30-audio-settings');

    await agent.getByRole('button', { name: 'Phone' }).click();
    await agent.getByTestId('in-call').getByRole('button', { name: 'Call quality' }).click();
    await expect.poll(() => agent.getByTestId('call-quality').textContent(), WAIT).toContain('of 4.5');
    await screenshot(agent, 'en-31-call-quality');
    await hangUpAll();
    await expect.poll(noa.state, WAIT).toBe('Terminated');
  });
});

describe('call history', () => {
  it('lists the calls with their quality summary, searches them and redials from an entry', async () => {
    await agent.getByRole('button', { name: 'History' }).click();
    const entries = agent.getByTestId('history-entry');
    await expect.poll(() => entries.count(), WAIT).toBe(3);
    for (const entry of await entries.all()) {
      // Figures are bidi-isolated (U+2068 … U+2069, renderer/src/components/format.ts).
      expect(await entry.textContent()).toMatch(/Estimated MOS\u2068\d\.\d\u2069 of 4\.5/);
      expect(await entry.textContent()).toContain('Packet loss');
    }
    await screenshot(agent, 'en-40-history');
    await agent.getByLabel('Search by name or number').fill('Avi');
    await expect.poll(() => entries.count(), WAIT).toBe(1);
    expect(await entries.first().textContent()).toContain('0529876543');

    await avi.page.evaluate('window.customer.answerNextCall()');
    await entries
      .first()
      .getByRole('button', { name: /^Redial \W?Avi Mizrahi\W?$/ })
      .click();
    await expect.poll(avi.state, WAIT).toBe('Established');
    await agent.getByRole('button', { name: 'Phone' }).click();
    await expect.poll(() => agent.getByTestId('in-call').textContent(), WAIT).toContain('Connected');
    await expectRising(avi.totals, 'received');
    await hangUpAll();
    await expect.poll(avi.state, WAIT).toBe('Terminated');
  });
});

describe('auto-answer', () => {
  it('answers an incoming call by itself after a short beep; audio flows and the keypad sends tones', async () => {
    await agent.getByRole('button', { name: 'Settings', exact: true }).click();
    await agent.getByLabel('Answer calls automatically after a short beep').check();
    await agent.getByRole('button', { name: 'Phone' }).click();
    await noa.call(AGENT_URI);
    await expect.poll(noa.state, WAIT).toBe('Established');
    await expect.poll(() => agent.getByTestId('in-call').textContent(), WAIT).toContain('Connected');
    await expectRising(noa.totals, 'received');
    // The in-call keypad sends tones in the audio (RFC 4733).
    await agent.getByTestId('in-call').getByRole('button', { name: 'Keypad' }).click();
    const keypad = agent.getByRole('group', { name: 'Keypad: tones to the other side' });
    await keypad.getByRole('button', { name: '5 JKL' }).click();
    await keypad.getByRole('button', { name: 'pound' }).click();
    await expect.poll(() => agentDtmfTones(agent), WAIT).toEqual(['5', '#']);
    await hangUpAll();
    await expect.poll(noa.state, WAIT).toBe('Terminated');
    await agent.getByRole('button', { name: 'Settings', exact: true }).click();
    await agent.getByLabel('Answer calls automatically after a short beep').uncheck();
    await agent.getByRole('button', { name: 'Phone' }).click();
  });
});

describe('transfers from the in-call view', () => {
  it('hands a call over blind: the customer is referred to the colleague and the agent’s call ends as transferred', async () => {
    await answerNoa();
    await avi.page.evaluate('window.customer.answerNextCall()');
    const inCall = agent.getByTestId('in-call');
    await inCall.getByRole('button', { name: 'Transfer' }).click();
    await agent.getByLabel('Transfer to').fill('0529876543');
    await screenshot(agent, 'en-60-transfer');
    await agent.getByRole('button', { name: 'Transfer now' }).click();
    await expect
      .poll(async () => plain(await agent.getByTestId('call-ended').textContent()), WAIT)
      .toBe('Call with Noa Cohen ended: transferred.');
    await expect.poll(avi.state, WAIT).toBe('Established');
    expect(await noa.page.evaluate('window.customer.referredTo')).toEqual([
      expect.stringContaining('0529876543'),
    ]);
    await expectRising(avi.totals, 'received');
    await noa.page.evaluate('window.customer.hangup()');
    await expect.poll(avi.state, WAIT).toBe('Terminated');
  });

  it('consults first, then completes the attended transfer: both of the agent’s calls end as transferred', async () => {
    await answerNoa();
    await avi.page.evaluate('window.customer.answerNextCall()');
    await agent.getByTestId('in-call').getByRole('button', { name: 'Transfer' }).click();
    await agent.getByLabel('Transfer to').fill('0529876543');
    await agent.getByRole('button', { name: 'Consult first' }).click();
    await expect.poll(avi.state, WAIT).toBe('Established');
    await expect.poll(() => callRegion('Noa Cohen').textContent(), WAIT).toContain('On hold');
    await avi.page.evaluate('window.customer.answerNextCall()');
    const complete = agent.getByRole('button', {
      name: /^Complete transfer: connect \W?Noa Cohen\W? with this call$/,
    });
    await complete.click();
    await expect.poll(() => agent.getByTestId('in-call').count(), WAIT).toBe(0);
    await expect.poll(() => agent.getByTestId('call-ended').textContent(), WAIT).toContain('transferred');
    await expect.poll(noa.state, WAIT).toBe('Established');
    await expectRising(noa.totals, 'received');
    await noa.page.evaluate('window.customer.hangup()');
    await expect.poll(noa.state, WAIT).toBe('Terminated');
  });
});

describe('in Hebrew, right to left', () => {
  it('shows the waiting call, both calls, audio settings and history', async () => {
    await agent.getByRole('button', { name: 'Settings', exact: true }).click();
    await agent.getByLabel('Language').selectOption('he');
    await expect.poll(() => agent.evaluate('document.documentElement.dir'), WAIT).toBe('rtl');
    await screenshot(agent, 'he-30-audio-settings');
    await agent.getByRole('button', { name: 'טלפון' }).click();
    await answerNoa('מענה', 'שיחה נכנסת');
    await avi.call(AGENT_URI);
    const waiting = callRegion('שיחה ממתינה');
    await waiting.waitFor(WAIT);
    await screenshot(agent, 'he-20-call-waiting');
    await waiting.getByRole('button', { name: 'מענה והעברת השיחה הנוכחית להמתנה' }).click();
    await expect.poll(() => callRegion('Noa Cohen').textContent(), WAIT).toContain('בהמתנה');
    await screenshot(agent, 'he-21-two-calls-one-held');
    await hangUpAll('ניתוק');
    await agent.getByRole('button', { name: 'היסטוריה' }).click();
    await agent.getByLabel('חיפוש לפי שם או מספר').fill('');
    await expect.poll(() => agent.getByTestId('history-entry').count(), WAIT).toBe(10);
    await screenshot(agent, 'he-40-history');
  });
});

describe('a chosen headset that is not plugged in', () => {
  it('tells the agent, uses the default microphone, and calls still carry the agent’s audio', async () => {
    await agent.evaluate("window.steadyline.settings.setPhone({ microphoneId: 'unplugged-headset-mic' })");
    await agent.reload();
    const alert = agent.getByRole('alert').filter({ hasText: 'המיקרופון שבחרת לא מחובר' });
    await alert.waitFor(WAIT);
    await screenshot(agent, 'he-32-headset-missing');
    await noa.call(AGENT_URI);
    await callRegion('שיחה נכנסת').getByRole('button', { name: 'מענה' }).click();
    await expect.poll(noa.state, WAIT).toBe('Established');
    await expectRising(noa.totals, 'received');
    expect((await agentAudioRouting(agent)).microphones).toEqual(['default']);
    await hangUpAll('ניתוק');
    await expect.poll(noa.state, WAIT).toBe('Terminated');
    await agent.evaluate("window.steadyline.settings.setPhone({ microphoneId: '' })");
  });
});
