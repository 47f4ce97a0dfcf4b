/**
 * axe-core on every screen and state of the agent's window, in English and in Hebrew (right to
 * left), on real parts (Kamailio, the core in a child process, a sip.js customer): the phone idle,
 * history, journal, settings, a ringing call, the call with its mark bar and each of its panels, a
 * marked call, the "I need a moment" confirmation, the break (before and after its floor), the
 * reflection (with its required-score errors), the journal with entries, the delete confirmation
 * and its Undo. Any violation fails the test.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { WAIT, type Customer } from './support/agent';
import { axeViolations } from './support/axe';
import { recoveryPolicySettings, useWorld } from './support/world';

const AGENT_URI = 'sip:1001@127.0.0.1';
const NOA = { user: '0501234567', name: 'Noa Cohen' };
/** Every violation of every state, so one run shows them all; the test fails on any. */
const violations: string[] = [];

const world = useWorld({
  name: 'axe',
  customers: [NOA],
  settings: recoveryPolicySettings({
    defaultBreakSeconds: 10,
    minimumBreakSeconds: 3,
    maximumBreakSeconds: 20,
  }),
});
let agent: Page;
let noa: Customer;
beforeAll(() => {
  agent = world.agent;
  noa = world.customer(NOA.user);
});

const WORDS = {
  en: {
    phone: 'Phone',
    history: 'History',
    journal: 'Journal',
    settings: 'Settings',
    answer: 'Answer',
    mark: 'Mark abusive',
    keypad: 'Keypad',
    transfer: 'Transfer',
    quality: 'Call quality',
    hangUp: 'Hang up',
    moment: 'I need a moment',
    takeBreak: 'Take a break',
    end: 'End break',
    save: 'Save reflection',
    skip: 'Skip',
    deleteWord: 'Delete',
    undo: 'Undo',
    language: 'Language',
  },
  he: {
    phone: 'טלפון',
    history: 'היסטוריה',
    journal: 'יומן',
    settings: 'הגדרות',
    answer: 'מענה',
    mark: 'סימון כפוגענית',
    keypad: 'מקשים',
    transfer: 'העברה',
    quality: 'איכות השיחה',
    hangUp: 'ניתוק',
    moment: 'אני צריך/ה רגע',
    takeBreak: 'לקחת הפסקה',
    end: 'סיום ההפסקה',
    save: 'שמירת ההתבוננות',
    skip: 'דילוג',
    deleteWord: 'מחיקה',
    undo: 'ביטול',
    language: 'שפה',
  },
};

async function everyState(lang: 'en' | 'he') {
  const w = WORDS[lang];
  const button = (name: string) => agent.getByRole('button', { name, exact: true });
  const check = async (state: string) => violations.push(...(await axeViolations(agent, `${lang} ${state}`)));

  await button(w.phone).click();
  await check('phone');
  for (const screen of [w.history, w.journal, w.settings] as const) {
    await button(screen).click();
    await check(screen);
  }
  await button(w.phone).click();

  await noa.call(AGENT_URI);
  const card = agent.getByTestId('incoming-call');
  await card.waitFor(WAIT);
  await check('ringing');
  await card.getByRole('button', { name: w.answer }).click();
  await expect.poll(() => noa.state(), WAIT).toBe('Established');
  await agent.getByTestId('in-call').waitFor(WAIT);
  await check('in call');
  for (const panel of [w.keypad, w.quality]) {
    await button(panel).click();
    await check(`in call, ${panel}`);
    await button(panel).click();
  }
  await button(w.transfer).click();
  await agent.getByTestId('transfer').waitFor(WAIT);
  await check('in call, transfer dialog');
  await agent.keyboard.press('Escape');
  await agent.getByTestId('transfer').waitFor({ state: 'detached', timeout: WAIT.timeout });
  await agent.getByTestId('mark-bar').getByRole('button', { name: w.mark }).click();
  await agent.getByTestId('mark-state').waitFor(WAIT);
  await check('marked');
  await button(w.hangUp).click();

  const breakScreen = agent.getByTestId('break-screen');
  await breakScreen.waitFor(WAIT);
  await check('break, before its floor');
  await breakScreen.getByRole('button', { name: w.end }).click();
  const reflection = agent.getByTestId('reflection');
  await reflection.waitFor(WAIT);
  await check('reflection');
  await reflection.getByRole('button', { name: w.save }).click();
  await check('reflection, scores missing');
  await reflection.getByRole('button', { name: w.skip }).click();
  await reflection.waitFor({ state: 'detached', timeout: WAIT.timeout });

  await button(w.moment).click();
  await agent.getByTestId('confirm-break').waitFor(WAIT);
  await check('I need a moment, confirmation');
  await agent.getByTestId('confirm-break').getByRole('button', { name: w.takeBreak }).click();
  await breakScreen.waitFor(WAIT);
  await breakScreen.getByRole('button', { name: w.end }).click();
  await agent.getByTestId('reflection').getByRole('button', { name: w.skip }).click();

  await button(w.journal).click();
  await agent.getByTestId('journal-call').first().waitFor(WAIT);
  await check('journal with entries');
  await agent
    .getByTestId('journal-break')
    .first()
    .getByRole('button', { name: new RegExp(`^${w.deleteWord}`) })
    .click();
  await agent.getByTestId('confirm-delete').waitFor(WAIT);
  await check('delete confirmation');
  await agent.getByTestId('confirm-delete').getByRole('button', { name: w.deleteWord }).click();
  await button(w.undo).waitFor(WAIT);
  await check('deleted, with Undo');
  await button(w.undo).click();
}

describe('accessibility (axe-core)', () => {
  it('has no violation on any screen or state, in English and in Hebrew', async () => {
    await everyState('en');
    await agent.getByRole('button', { name: 'Settings' }).click();
    await agent.getByLabel('Language').selectOption('he');
    await expect.poll(() => agent.evaluate('document.documentElement.dir'), WAIT).toBe('rtl');
    await everyState('he');
    expect(violations).toEqual([]);
  }, 300_000);
});
