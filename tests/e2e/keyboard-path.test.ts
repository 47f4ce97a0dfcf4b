/**
 * The keyboard only, through a whole call → mark → break → reflection → journal, on real parts
 * (Kamailio, the core in a child process, a sip.js customer), asserting where focus is after each
 * step: never on the page body, trapped inside the break and the reflection, given back or moved
 * to the next sensible control when the focused one goes away.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { WAIT, type Customer } from './support/agent';
import { recoveryPolicySettings, useWorld } from './support/world';

const NOA = { user: '0501234567', name: 'Noa Cohen' };
const world = useWorld({
  name: 'keyboard',
  customers: [NOA],
  settings: recoveryPolicySettings({ defaultBreakSeconds: 10, minimumBreakSeconds: 3 }),
});
let agent: Page;
let noa: Customer;
beforeAll(() => {
  agent = world.agent;
  noa = world.customer(NOA.user);
});

/** What has focus: its accessible-ish name (aria-label, else its text), and whether it is in a dialog. */
const focused = () =>
  // A string runs in the page (this project's Node types have no DOM).
  agent.evaluate(`(() => {
    const node = document.activeElement;
    if (!node || node === document.body) return { name: '<body>', dialog: null };
    const dialog = node.closest('[role="dialog"], [role="alertdialog"]');
    return {
      name: (node.getAttribute('aria-label') ?? node.textContent ?? '').trim(),
      dialog: dialog ? (dialog.querySelector('h1, h2')?.textContent ?? '') : null,
    };
  })()`) as Promise<{ name: string; dialog: string | null }>;

/** Presses Tab (at most 40 times) until the focused control is named `name`. */
async function tabTo(name: string | RegExp) {
  for (let presses = 0; presses < 40; presses += 1) {
    const now = (await focused()).name;
    if (typeof name === 'string' ? now === name : name.test(now)) return;
    await agent.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(name)} (focus is on ${(await focused()).name})`);
}

async function expectFocus(name: string | RegExp, dialog: string | null = null) {
  await expect.poll(async () => (await focused()).name, WAIT).toMatch(name);
  expect((await focused()).dialog).toBe(dialog);
}

describe('a whole call with the keyboard only', () => {
  it('call → mark → break → reflection → journal, focus where it should be at each step', async () => {
    await noa.call('sip:1001@127.0.0.1');
    await agent.getByTestId('incoming-call').waitFor(WAIT);
    await tabTo('Answer');
    await agent.keyboard.press('Enter');
    await expect.poll(() => noa.state(), WAIT).toBe('Established');
    await expectFocus('Hang up');

    await tabTo('Mark abusive');
    await agent.keyboard.press('Enter');
    await agent.getByTestId('mark-state').waitFor(WAIT);
    await expectFocus('Change mark');

    await agent.keyboard.press('Shift+Tab');
    await tabTo('Hang up');
    await agent.keyboard.press('Enter');
    await agent.getByTestId('break-screen').waitFor(WAIT);
    await expectFocus('Take a moment', 'Take a moment');
    for (let presses = 0; presses < 6; presses += 1) {
      await agent.keyboard.press('Tab');
      expect((await focused()).dialog).toBe('Take a moment');
    }
    await agent.keyboard.press('Escape');
    expect((await focused()).dialog).toBe('Take a moment');

    await agent.getByRole('button', { name: 'End break' }).waitFor(WAIT);
    await tabTo('End break');
    await agent.keyboard.press('Enter');
    await agent.getByTestId('reflection').waitFor(WAIT);
    await expectFocus('How are you now?', 'How are you now?');
    await tabTo('Save reflection');
    await agent.keyboard.press('Enter');
    // Nothing chosen yet: focus goes to the first scale, which the agent answers with Space.
    await expect.poll(() => agent.evaluate('document.activeElement.name'), WAIT).toBe('mood');
    await agent.keyboard.press('Space');
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('Space');
    await tabTo('Save reflection');
    await agent.keyboard.press('Enter');
    await agent.getByTestId('reflection').waitFor({ state: 'detached', timeout: WAIT.timeout });
    await expectFocus('Change mark');

    await tabTo('Journal');
    await agent.keyboard.press('Enter');
    await agent.getByTestId('journal-reflection').waitFor(WAIT);
    await expectFocus('Journal');
    await tabTo(/^Delete \(Reflection, /);
    await agent.keyboard.press('Enter');
    await expectFocus('Cancel', 'Delete this entry?');
    await agent.keyboard.press('Escape');
    await expectFocus(/^Delete \(Reflection, /);
    await agent.keyboard.press('Enter');
    await expectFocus('Cancel', 'Delete this entry?');
    await agent.keyboard.press('Shift+Tab');
    await expectFocus('Delete', 'Delete this entry?');
    await agent.keyboard.press('Enter');
    await expectFocus('Undo');
    await agent.keyboard.press('Enter');
    await agent.getByTestId('journal-reflection').waitFor(WAIT);
    expect((await focused()).name).not.toBe('<body>');
  }, 120_000);
});
