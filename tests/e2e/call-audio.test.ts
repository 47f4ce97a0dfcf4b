/**
 * The agent workstation's first call, end to end: a customer (stock sip.js in the browser, its own
 * WebRTC) calls the agent through a real Kamailio on loopback; the agent's real renderer bundle in
 * Debian Chromium answers through the real core (Node, sip.js) and its own WebRTC engine. Audio
 * must flow both ways (packet counters from getStats on both pages), stop while held, resume, and
 * the call must end on both sides.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { screenshot } from './support/chromium';
import { expectRising, expectStill, WAIT, type Customer } from './support/agent';
import { agentDtmfTones, agentTotals } from './support/peer-connections';
import { useWorld } from './support/world';
import { plain } from '../renderer/support/text';

const AGENT = '1001';
const CUSTOMER = { user: '0501234567', name: 'Noa Cohen' };

const world = useWorld({ name: 'call', agentUser: AGENT, customers: [CUSTOMER] });
let agent: Page;
let customer: Customer;
beforeAll(() => {
  agent = world.agent;
  customer = world.customer(CUSTOMER.user);
});

const customerTotals = () => customer.totals();
const customerState = () => customer.state();
const callAgent = () => customer.call(`sip:${AGENT}@127.0.0.1`);

const readAgent = () => agentTotals(agent);

describe('a customer calls the agent', () => {
  it('rings, is answered, carries audio both ways, holds, resumes and hangs up on both sides', async () => {
    await callAgent();
    const card = agent.getByRole('region', { name: 'Incoming call' });
    await card.waitFor(WAIT);
    expect(await card.textContent()).toContain(CUSTOMER.name);
    expect(await card.textContent()).toContain(CUSTOMER.user);
    await screenshot(agent, 'en-10-incoming-call');

    await card.getByRole('button', { name: 'Answer' }).click();
    const inCall = agent.getByTestId('in-call');
    await expect.poll(() => inCall.textContent(), WAIT).toContain('Connected');
    await expect.poll(customerState, WAIT).toBe('Established');
    for (const counter of ['received', 'sent'] as const) {
      await expectRising(readAgent, counter);
      await expectRising(customerTotals, counter);
    }
    await expect.poll(() => inCall.getByRole('timer').textContent(), WAIT).not.toBe('0:00');
    await screenshot(agent, 'en-11-in-call');

    await agent.getByRole('button', { name: 'Hold' }).click();
    await expect.poll(() => inCall.textContent(), WAIT).toContain('On hold');
    await expectStill(readAgent, 'received', async () => (await customerTotals()).received);
    await expectRising(customerTotals, 'received');

    await agent.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => inCall.textContent(), WAIT).toContain('Connected');
    await expectRising(readAgent, 'received');
    await expectRising(customerTotals, 'received');

    await agent.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(customerState, WAIT).toBe('Terminated');
    await expect
      .poll(async () => plain(await agent.getByTestId('call-ended').textContent()), WAIT)
      .toBe('Call with Noa Cohen ended: you hung up.');
    await expect.poll(async () => (await readAgent()).signalingState, WAIT).toBe('closed');
  });

  it('works the same in Hebrew, right to left, and ends when the customer hangs up', async () => {
    await agent.getByRole('button', { name: 'Settings' }).click();
    await agent.getByLabel('Language').selectOption('he');
    await expect.poll(() => agent.evaluate('document.documentElement.dir'), WAIT).toBe('rtl');
    await agent.getByRole('button', { name: 'טלפון' }).click();

    await callAgent();
    const card = agent.getByRole('region', { name: 'שיחה נכנסת' });
    await card.waitFor(WAIT);
    await screenshot(agent, 'he-10-incoming-call');
    await card.getByRole('button', { name: 'מענה' }).click();
    const inCall = agent.getByTestId('in-call');
    await expect.poll(() => inCall.textContent(), WAIT).toContain('מחובר');
    await expectRising(readAgent, 'received');
    await expectRising(customerTotals, 'received');
    await expect.poll(() => inCall.getByRole('timer').textContent(), WAIT).not.toBe('0:00');
    await screenshot(agent, 'he-11-in-call');

    await customer.page.evaluate('window.customer.hangup()');
    await expect.poll(customerState, WAIT).toBe('Terminated');
    await expect.poll(() => agent.getByTestId('call-ended').textContent(), WAIT).toContain('הצד השני ניתק');
    await expect.poll(async () => (await readAgent()).signalingState, WAIT).toBe('closed');
  });
});

describe('the agent calls a customer', () => {
  it('places the call from the number field with Enter, carries audio both ways, sends keypad tones in the audio, is held by the customer, and ends when the customer hangs up', async () => {
    await agent.getByRole('button', { name: 'הגדרות' }).click();
    await agent.getByLabel('שפה').selectOption('en');
    await agent.getByRole('button', { name: 'Phone' }).click();
    await customer.page.evaluate('window.customer.answerNextCall()');

    const firstCallId = agent.evaluate(
      'new Promise((resolve) => { const stop = window.steadyline.phone.onCall((call) => { stop(); resolve(call.id); }); })',
    ) as Promise<string>;
    const number = agent.getByLabel('Number to call');
    await number.fill('050-123-4567');
    await number.press('Enter');
    const inCall = agent.getByTestId('in-call');
    await expect.poll(() => inCall.textContent(), WAIT).toContain('Connected');
    expect(await inCall.textContent()).toContain(CUSTOMER.user);
    await expect.poll(customerState, WAIT).toBe('Established');
    for (const counter of ['received', 'sent'] as const) {
      await expectRising(readAgent, counter);
      await expectRising(customerTotals, counter);
    }

    const callId = await firstCallId;
    // No keypad yet: the test asks through the window's bridge, as the keypad will.
    const sent = await agent.evaluate(
      `window.steadyline.phone.sendDtmf({ callId: ${JSON.stringify(callId)}, tones: '42#' })`,
    );
    expect(sent).toMatchObject({ ok: true });
    await expect.poll(() => agentDtmfTones(agent), WAIT).toEqual(['42#']);
    expect(await customer.page.evaluate('window.customer.infos.length')).toBe(0);

    await customer.page.evaluate('window.customer.hold(true)');
    await expect.poll(() => inCall.textContent(), WAIT).toContain('The other side put you on hold');
    await expectStill(readAgent, 'sent', async () => (await readAgent()).received);
    await expectRising(readAgent, 'received');
    await customer.page.evaluate('window.customer.hold(false)');
    await expect.poll(() => inCall.textContent(), WAIT).toContain('Connected');
    await expectRising(readAgent, 'sent');

    await customer.page.evaluate('window.customer.hangup()');
    await expect.poll(customerState, WAIT).toBe('Terminated');
    await expect
      .poll(async () => plain(await agent.getByTestId('call-ended').textContent()), WAIT)
      .toBe('Call with 0501234567 ended: the other side hung up.');
    await expect.poll(async () => (await readAgent()).signalingState, WAIT).toBe('closed');
  });
});
