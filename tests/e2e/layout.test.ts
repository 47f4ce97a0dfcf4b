/**
 * The compact layout, docked beside a CRM: at 360×640, 480×800 and 1280×800, in English and in
 * Hebrew, nothing overflows sideways, and what the agent needs is inside the window without
 * scrolling: a ringing call's Answer and Decline, the call's controls and the mark bar during a
 * call, the whole break screen (time left, +time, End break). Screenshots of each go to
 * test-results/e2e/ (the README's come from docs/screenshots/, made by this test).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { WAIT, type Customer } from './support/agent';
import { recoveryPolicySettings, useWorld } from './support/world';

const AGENT_URI = 'sip:1001@127.0.0.1';
const NOA = { user: '0501234567', name: 'Noa Cohen' };
const SIZES = [
  { width: 360, height: 640 },
  { width: 480, height: 800 },
  { width: 1280, height: 800 },
];
const DOCS = resolve(import.meta.dirname, '../../docs/screenshots');

const world = useWorld({
  name: 'layout',
  customers: [NOA],
  settings: recoveryPolicySettings({ defaultBreakSeconds: 15, minimumBreakSeconds: 10 }),
});
let agent: Page;
let noa: Customer;
beforeAll(() => {
  agent = world.agent;
  noa = world.customer(NOA.user);
  mkdirSync(DOCS, { recursive: true });
});

/** Not wider than the window, and each control wholly inside it (no scrolling to reach it). */
async function expectFits(state: string, controls: Locator[]) {
  const viewport = agent.viewportSize() ?? { width: 0, height: 0 };
  // (Strings run in the page: this project's Node types have no DOM.)
  const overflow = (await agent.evaluate(
    'document.documentElement.scrollWidth - window.innerWidth',
  )) as number;
  // On failure, say which elements stick out (the deepest ones first).
  const culprits = (await agent.evaluate(`Array.from(document.querySelectorAll('body *'))
    .filter((node) => { const box = node.getBoundingClientRect();
      return box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1); })
    .slice(-3).map((node) => node.tagName.toLowerCase() + '.' + node.className)`)) as string[];
  expect(overflow, `${state}: horizontal overflow by ${culprits.join(', ')}`).toBeLessThanOrEqual(0);
  for (const control of controls) {
    const box = await control.boundingBox();
    const where = `${state}: ${await control.evaluate((node) => node.textContent)}`;
    expect(box, where).not.toBeNull();
    if (!box) continue;
    expect(box.x, where).toBeGreaterThanOrEqual(0);
    expect(box.y, where).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, where).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height, where).toBeLessThanOrEqual(viewport.height);
  }
}

async function atEverySize(lang: string, state: string, controls: () => Locator[], picture?: string) {
  for (const size of SIZES) {
    await agent.setViewportSize(size);
    await agent.evaluate('window.scrollTo(0, 0)');
    if (picture) await agent.screenshot({ path: join(DOCS, `${lang}-${picture}-${size.width}.png`) });
    await expectFits(`${lang} ${state} at ${size.width}×${size.height}`, controls());
  }
}

const WORDS = {
  en: {
    answer: 'Answer',
    decline: 'Decline',
    hangUp: 'Hang up',
    mute: 'Mute',
    hold: 'Hold',
    mark: 'Mark abusive',
    warn: 'Play the warning',
    finalWarning: 'Final warning and end call',
    end: 'End break',
  },
  he: {
    answer: 'מענה',
    decline: 'דחייה',
    hangUp: 'ניתוק',
    mute: 'השתקה',
    hold: 'המתנה',
    mark: 'סימון כפוגענית',
    warn: 'השמעת האזהרה',
    finalWarning: 'אזהרה אחרונה וסיום השיחה',
    end: 'סיום ההפסקה',
  },
};

async function callMarkAndBreak(lang: 'en' | 'he') {
  const w = WORDS[lang];
  const button = (name: string) => agent.getByRole('button', { name, exact: true });
  await noa.call(AGENT_URI);
  await agent.getByTestId('incoming-call').waitFor(WAIT);
  await atEverySize(lang, 'ringing', () => [button(w.answer), button(w.decline)], 'ringing');
  await button(w.answer).click();
  await expect.poll(() => noa.state(), WAIT).toBe('Established');
  await agent.getByTestId('in-call').waitFor(WAIT);
  const inCall = () => [
    button(w.hangUp),
    button(w.mute),
    button(w.hold),
    button(w.warn),
    button(w.finalWarning),
    button(w.mark),
  ];
  await atEverySize(lang, 'in call', inCall, 'in-call');
  await button(w.mark).click();
  await agent.getByTestId('mark-state').waitFor(WAIT);
  await button(w.hangUp).click();
  const breakScreen = agent.getByTestId('break-screen');
  await breakScreen.waitFor(WAIT);
  const breakControls = () => [
    breakScreen.getByRole('timer'),
    breakScreen.getByRole('button', { name: /\+\d+/ }),
    breakScreen.getByTestId('end-in'),
  ];
  await atEverySize(lang, 'break', breakControls, 'break');
  await breakScreen.getByRole('button', { name: w.end }).waitFor(WAIT);
  await atEverySize(lang, 'break after its floor', () => [breakScreen.getByRole('button', { name: w.end })]);
  await breakScreen.getByRole('button', { name: w.end }).click();
  const reflection = agent.getByTestId('reflection');
  await reflection.waitFor(WAIT);
  await atEverySize(lang, 'reflection', () => [reflection.getByRole('heading', { level: 1 })], 'reflection');
  await reflection.getByRole('button', { name: lang === 'en' ? 'Skip' : 'דילוג' }).click();
  await agent.setViewportSize(SIZES[2] ?? { width: 1280, height: 800 });
}

describe('the compact layout', () => {
  it('fits a ringing call, the call and the whole break from 360×640 to 1280×800, in English and Hebrew', async () => {
    await callMarkAndBreak('en');
    await agent.getByRole('button', { name: 'Settings' }).click();
    await agent.getByLabel('Language').selectOption('he');
    await expect.poll(() => agent.evaluate('document.documentElement.dir'), WAIT).toBe('rtl');
    await agent.getByRole('button', { name: 'טלפון' }).click();
    await callMarkAndBreak('he');
  }, 300_000);
});
