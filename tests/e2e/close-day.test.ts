/**
 * Closing the day end to end: the real renderer in Chromium, the real core (the preview) and its
 * journal. The agent opens "Close the day" from the header, sees today in one line as main counts
 * it, leaves a note (kept by main in the journal: the screen says so only on main's answer), and
 * the screen never holds them: Escape closes it without writing anything.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { WAIT } from './support/agent';
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
