/**
 * Closing the day end to end: the real renderer in Chromium, the real core (the preview) and its
 * journal. The agent opens "Close the day" from the header, sees today in one line as main counts
 * it, leaves a note (kept by main in the journal: the screen says so only on main's answer), and
 * the screen never holds them: Escape closes it without writing anything. "My week" draws its
 * three uPlot charts in Chromium and gives the same numbers in its table, from the real journal.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { WAIT } from './support/agent';
import { axeViolations } from './support/axe';
import { screenshot } from './support/chromium';
import { useWorld } from './support/world';
import { plain } from '../renderer/support/text';

const world = useWorld({ name: 'close-day' });
let agent: Page;
beforeAll(() => {
  agent = world.agent;
});

describe('closing the day', () => {
  it('shows the day from the journal, keeps the note, and lets the agent go at any point', async () => {
    await agent.getByRole('button', { name: 'Close the day' }).click();
    const dialog = agent.getByRole('dialog', { name: 'Closing the day' });
    await expect
      .poll(async () => plain(await dialog.getByTestId('day-line').textContent()), WAIT)
      .toBe('Today: 0 calls, 0 breaks.');
    await dialog
      .getByRole('textbox', { name: 'Anything still on your mind? Write it here and leave it here.' })
      .fill('The caller at 10:40 still bothers me.');
    await dialog.getByRole('button', { name: 'Leave it here' }).click();
    await expect.poll(() => dialog.getByRole('status').count(), WAIT).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count(), WAIT).toBe(0);

    await agent.getByRole('button', { name: 'Close the day' }).click();
    await expect.poll(() => dialog.count(), WAIT).toBe(1);
    await agent.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    await expect
      .poll(() => agent.getByRole('button', { name: 'Close the day' }).isVisible(), WAIT)
      .toBe(true);
  });
});

describe('my week, in pictures', () => {
  it('draws the week from the journal and gives screen readers the same numbers in a table', async () => {
    await agent.getByRole('button', { name: 'My week' }).click();
    const week = agent.getByRole('region', { name: 'My week, in pictures' });
    const table = week.getByRole('table', { name: 'The same numbers as the charts, day by day' });
    await expect.poll(() => table.getByRole('row').count(), WAIT).toBe(8);
    // The charts are drawn (uPlot's canvas) and hidden from screen readers.
    await expect.poll(() => week.locator('[data-testid="week-chart"] canvas').count(), WAIT).toBe(3);
    expect(await week.locator('[data-testid="week-chart"][aria-hidden="true"]').count()).toBe(3);
    const monday = await table.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(monday).toEqual(['0', '0', 'No reflection']);
    await week.getByRole('button', { name: 'Earlier week' }).click();
    await expect.poll(() => week.getByRole('button', { name: 'Later week' }).isEnabled(), WAIT).toBe(true);
  });
});

describe('both screens in English and Hebrew', () => {
  it('have no axe violation, and read right to left in Hebrew', async () => {
    const violations: string[] = [];
    const both = async (lang: 'en' | 'he', names: { week: string; closeDay: string; dialog: string }) => {
      await agent.getByRole('button', { name: names.week }).click();
      await agent.locator('[data-testid="week-chart"] canvas').nth(2).waitFor(WAIT);
      // The charts run as the language reads: in Hebrew Monday is at the right edge.
      const direction = lang === 'he' ? 'rtl' : 'ltr';
      const charts = agent.locator(`[data-testid="week-chart"][data-direction="${direction}"]`);
      expect(await charts.count()).toBe(3);
      violations.push(...(await axeViolations(agent, `${lang} my week`)));
      await screenshot(agent, `${lang}-61-my-week`);
      await agent.getByRole('button', { name: names.closeDay }).click();
      await agent.getByRole('dialog', { name: names.dialog }).getByTestId('day-line').waitFor(WAIT);
      violations.push(...(await axeViolations(agent, `${lang} close the day`)));
      await screenshot(agent, `${lang}-62-close-the-day`);
      await agent.keyboard.press('Escape');
      await expect.poll(() => agent.getByRole('dialog').count(), WAIT).toBe(0);
    };
    await both('en', { week: 'My week', closeDay: 'Close the day', dialog: 'Closing the day' });
    await agent.getByRole('button', { name: 'Settings' }).click();
    await agent.getByLabel('Language').selectOption('he');
    await expect.poll(() => agent.evaluate('document.documentElement.dir'), WAIT).toBe('rtl');
    await both('he', { week: 'השבוע שלי', closeDay: 'סיום היום', dialog: 'סוגרים את היום' });
    expect(violations).toEqual([]);
  }, 120_000);
});
