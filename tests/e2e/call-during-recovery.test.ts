/**
 * No call rings unseen, at any point of the break and reflection flow, on real parts (Kamailio, the
 * core in a child process, the built renderer, stock sip.js customers in Chromium). At each point a
 * customer calls the agent, and the call is either refused by the engine (480, nothing rings in the
 * window) or rings with its card on top of the window (the element under the Answer button's
 * centre is that button): while a break is scheduled (a call waiting), during the break, during
 * the reflection's wrap-up, after the wrap-up's ceiling with the reflection still open (it gives
 * way and comes back with its draft), with the agent on the Journal screen, and after the reflection.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { WAIT, type Customer } from './support/agent';
import { screenshot } from './support/chromium';
import { recoveryPolicySettings, useWorld } from './support/world';

const AGENT = '1001';
const AGENT_URI = `sip:${AGENT}@127.0.0.1`;
const BREAK_SECONDS = 10;
const CEILING_SECONDS = 20;
const NOA = { user: '0501234567', name: 'Noa Cohen' };
const AVI = { user: '0529999999', name: 'Avi Mizrahi' };

const world = useWorld({
  name: 'ringing',
  agentUser: AGENT,
  customers: [NOA, AVI],
  settings: recoveryPolicySettings({
    defaultBreakSeconds: BREAK_SECONDS,
    minimumBreakSeconds: 1,
    maximumBreakSeconds: CEILING_SECONDS,
  }),
});
let agent: Page;
let noa: Customer;
let avi: Customer;
beforeAll(async () => {
  agent = world.agent;
  noa = world.customer(NOA.user);
  avi = world.customer(AVI.user);
  await agent.evaluate(
    `window.__rang = 0; window.steadyline.phone.onCall((call) => { if (call.state === 'ringing') window.__rang += 1; })`,
  );
});

const rang = () => agent.evaluate('window.__rang') as Promise<number>;
const rejections = (customer: Customer) =>
  customer.page.evaluate('window.customer.rejections') as Promise<Array<{ status: number }>>;
const availability = () =>
  agent.evaluate('window.steadyline.phone.getAvailability().then((result) => result.value)');

/** The call is refused by the engine with 480 and nothing rings in the window. */
async function expectRefused(customer: Customer) {
  const before = (await rejections(customer)).length;
  const rings = await rang();
  await customer.call(AGENT_URI);
  await expect.poll(async () => (await rejections(customer)).length, WAIT).toBe(before + 1);
  expect((await rejections(customer)).at(-1)?.status).toBe(480);
  expect(await rang()).toBe(rings);
  expect(await agent.getByTestId('incoming-call').count()).toBe(0);
}

/** The call rings with its card on top of everything: the Answer button is what a click would hit. */
async function expectRingingOnTop(customer: Customer, testId = 'incoming-call') {
  await customer.call(AGENT_URI);
  const card = agent.getByTestId(testId);
  await card.waitFor(WAIT);
  const answer = card.getByRole('button', { name: /^Answer/ });
  await expect.poll(() => answer.isVisible(), WAIT).toBe(true);
  // In the page; its document through the element (this project's Node types have no DOM globals).
  const onTop = await answer.evaluate((button) => {
    const box = button.getBoundingClientRect();
    const page = button.ownerDocument;
    const hit = page.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    const inside = box.top >= 0 && box.bottom <= (page.defaultView?.innerHeight ?? 0);
    return inside && (hit === button || button.contains(hit));
  });
  expect(onTop).toBe(true);
  expect(await card.evaluate((node) => node.closest('[aria-hidden="true"], [inert]') === null)).toBe(true);
  return card;
}

async function declineAndWait(card: ReturnType<Page['getByTestId']>, customer: Customer) {
  const before = (await rejections(customer)).length;
  await card.getByRole('button', { name: 'Decline' }).click();
  await expect.poll(async () => (await rejections(customer)).length, WAIT).toBe(before + 1);
  await card.waitFor({ state: 'detached', timeout: WAIT.timeout });
}

describe('a call at every point of the break and reflection', () => {
  it('is refused or rings on top, never hidden', async () => {
    // On a call, marked abusive: the break is scheduled; a second call rings as waiting, on top.
    await (await expectRingingOnTop(noa)).getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => noa.state(), WAIT).toBe('Established');
    await agent.getByTestId('mark-bar').getByRole('button', { name: 'Mark abusive' }).click();
    await agent.getByText(`A ${BREAK_SECONDS} s break starts when this call ends.`).waitFor(WAIT);
    const waiting = await expectRingingOnTop(avi, 'waiting-call');
    await declineAndWait(waiting, avi);
    await agent.getByRole('button', { name: 'Hang up' }).click();

    // During the break: refused.
    const breakScreen = agent.getByRole('dialog', { name: 'Take a moment' });
    await breakScreen.waitFor(WAIT);
    await expectRefused(avi);

    // The break is over, the reflection open: wrap-up, still refused.
    const reflection = agent.getByRole('dialog', { name: 'How are you now?' });
    await reflection.waitFor(WAIT);
    await reflection.getByLabel('What I felt').fill('Tired');
    expect(await availability()).toBe('break');
    await expectRefused(avi);

    // The wrap-up's ceiling passed with the reflection still open: the phone is available again;
    // a call closes the reflection, rings on top, and the reflection comes back with its draft.
    await expect
      .poll(availability, { timeout: CEILING_SECONDS * 1000 + 10_000, interval: 250 })
      .toBe('available');
    const afterCeiling = await expectRingingOnTop(avi);
    expect(await reflection.count()).toBe(0);
    await screenshot(agent, 'en-50-ringing-over-reflection');
    await declineAndWait(afterCeiling, avi);
    await reflection.waitFor(WAIT);
    expect(await reflection.getByLabel('What I felt').inputValue()).toBe('Tired');
    await reflection.getByRole('button', { name: 'Skip' }).click();
    await reflection.waitFor({ state: 'detached', timeout: WAIT.timeout });

    // On the Journal screen: rings on top; answering brings the phone screen with the call.
    await agent.getByRole('button', { name: 'Journal' }).click();
    const onJournal = await expectRingingOnTop(avi);
    await onJournal.getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => avi.state(), WAIT).toBe('Established');
    await agent.getByTestId('in-call').waitFor(WAIT);
    expect(await agent.evaluate('document.activeElement?.textContent')).toBe('Hang up');
    await agent.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => avi.state(), WAIT).toBe('Terminated');
  });
});
