/**
 * The heads-up end to end: a customer (stock sip.js in Chromium) calls the agent through a real
 * Kamailio; the agent answers in the real renderer, marks the call abusive and hangs up; after the
 * break (the default policy: it can end after its 30 s floor) the same customer calls again, and
 * the ringing card says the agent marked this caller before (main read it from the journal) and
 * offers "Transfer to my lead" (IT set a lead). Then the same in Hebrew, right to left.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { WAIT, type Customer } from './support/agent';
import { screenshot } from './support/chromium';
import { recoveryPolicySettings, useWorld } from './support/world';
import { plain } from '../renderer/support/text';

const AGENT_URI = 'sip:1001@127.0.0.1';
const NOA = { user: '0501234567', name: 'Noa Cohen' };
// IT's policy: a lead to hand such calls to (the card offers it), and a 3 s floor for the break.
const world = useWorld({
  name: 'heads-up',
  customers: [NOA],
  settings: recoveryPolicySettings({ leadUri: 'sip:1002@127.0.0.1', minimumBreakSeconds: 3 }),
});
let agent: Page;
let noa: Customer;
beforeAll(() => {
  agent = world.agent;
  noa = world.customer(NOA.user);
});

const incoming = () => agent.getByRole('region', { name: 'Incoming call' });

describe('a caller marked abusive before calls again', () => {
  it('the first call has no heads-up; the call after the mark does', async () => {
    await noa.call(AGENT_URI);
    await incoming().waitFor(WAIT);
    expect(await incoming().getByTestId('marked-before').count()).toBe(0);
    await incoming().getByRole('button', { name: 'Answer' }).click();
    await expect.poll(noa.state, WAIT).toBe('Established');
    const bar = agent.getByRole('region', { name: 'This call' });
    await bar.getByRole('button', { name: 'Mark abusive' }).click();
    await bar.getByTestId('mark-state').getByText('Marked as abusive.').waitFor(WAIT);
    await agent.getByRole('button', { name: 'Hang up' }).click();

    // End break is offered only after the policy's floor (3 s here).
    const breakScreen = agent.getByRole('dialog', { name: 'Take a moment' });
    const end = breakScreen.getByRole('button', { name: 'End break' });
    await end.waitFor({ timeout: 60_000 });
    await expect.poll(() => end.isEnabled(), { timeout: 60_000, interval: 500 }).toBe(true);
    await end.click();
    const reflection = agent.getByTestId('reflection');
    await reflection.getByRole('button', { name: 'Skip' }).click();
    await reflection.waitFor({ state: 'detached', timeout: WAIT.timeout });

    await noa.call(AGENT_URI);
    const notice = incoming().getByTestId('marked-before');
    await notice.waitFor(WAIT);
    // The date as the card writes it in English (Intl: "December 1"), read from main's mark.
    expect(plain(await notice.locator('p').first().textContent())).toMatch(
      /^You marked a call from this number as abusive on [A-Z][a-z]+ \d{1,2}\.$/,
    );
    expect(await notice.getByRole('button', { name: 'Transfer to my lead' }).isVisible()).toBe(true);
    await screenshot(agent, 'en-63-heads-up');
    await incoming().getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => incoming().count(), WAIT).toBe(0);
  }, 150_000);

  it('says it in Hebrew, right to left', async () => {
    await agent.getByRole('button', { name: 'Settings' }).click();
    await agent.getByLabel('Language').selectOption('he');
    await expect.poll(() => agent.evaluate('document.documentElement.dir'), WAIT).toBe('rtl');
    await agent.getByRole('button', { name: 'טלפון' }).click();

    await noa.call(AGENT_URI);
    const card = agent.getByRole('region', { name: 'שיחה נכנסת' });
    const notice = card.getByTestId('marked-before');
    await notice.waitFor(WAIT);
    // The date as the card writes it in Hebrew (Intl: "1 בדצמבר").
    expect(plain(await notice.locator('p').first().textContent())).toMatch(
      /^סימנת שיחה מהמספר הזה כפוגענית ב־\d{1,2} ב[\u05d0-\u05ea]+\.$/,
    );
    expect(await notice.getByRole('button', { name: 'העברה לראש הצוות' }).isVisible()).toBe(true);
    // The card's text runs right to left: the style the browser computed for it (through the
    // element's window: this project's Node types have no DOM globals).
    const direction = await notice.evaluate(
      (element) => element.ownerDocument.defaultView?.getComputedStyle(element).direction,
    );
    expect(direction).toBe('rtl');
    await screenshot(agent, 'he-63-heads-up');
    await card.getByRole('button', { name: 'דחייה' }).click();
    await expect.poll(() => card.count(), WAIT).toBe(0);
  });
});
