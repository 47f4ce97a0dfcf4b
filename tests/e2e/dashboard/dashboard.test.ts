/**
 * The lead's dashboard end to end in Debian Chromium against the collector on a real
 * PostgreSQL server: sign in, the trend charts and the table, a suppressed week, a named row,
 * a check-in request marked done, the CSV export (exactly the tables on screen, nothing of the
 * suppressed week), axe with 0 violations, sign out; then the same page in Hebrew (RTL).
 * Screenshots go to docs/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { LEAD_PASSWORD } from '../../collector/dashboard/support';
import {
  MIXED_WEEK,
  NEWEST_WEEK,
  startDashboardCollector,
  SUPPRESSED_WEEK,
  V2_WEEK,
  type DashboardCollector,
} from './collector';

const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots');

async function signIn(
  page: Page,
  url: string,
  lang: 'en' | 'he',
  labels: { login: string; password: string; submit: string },
) {
  await page.goto(`${url}?lang=${lang}`);
  await page.getByLabel(labels.login).fill('dana');
  await page.getByLabel(labels.password, { exact: true }).fill(LEAD_PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
  // Signed in when the team heading replaces the form; a refusal shows an alert instead.
  await page.locator('main.team, .sign-in [role="alert"]').first().waitFor();
  const refused = await page.locator('.sign-in [role="alert"]').count();
  if (refused > 0)
    throw new Error(`sign-in refused: ${await page.locator('.sign-in [role="alert"]').textContent()}`);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** A table's cell in the column under `header`, in the row whose first cell is `rowHeader`. */
async function cellUnder(page: Page, table: string, header: string, rowHeader: string): Promise<string[]> {
  const headers = await page.locator(`table[data-table="${table}"] thead th`).allTextContents();
  const column = headers.indexOf(header);
  expect(column, `${header} in ${headers.join(' | ')}`).toBeGreaterThan(0);
  const rows = page.locator(`table[data-table="${table}"] tbody tr`, { hasText: rowHeader });
  return (await rows.all()).length === 0
    ? []
    : Promise.all(
        (await rows.all()).map(async (row) => (await row.locator('th, td').nth(column).textContent()) ?? ''),
      );
}

/** Every table fits its card at this width: nothing cut, no column scrolled out of sight. */
async function expectTablesFit(page: Page) {
  const boxes = await page.locator('.table-scroll').evaluateAll((regions) =>
    regions.map((region) => {
      const table = region.querySelector('table');
      const card = region.closest('.card');
      const [r, t, c] = [region, table, card].map((e) => e?.getBoundingClientRect());
      return {
        id: table?.dataset.table,
        overflow: region.scrollWidth - region.clientWidth,
        inCard: !!(r && t && c && t.left >= c.left && t.right <= c.right),
      };
    }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  for (const box of boxes) expect(box, `table ${box.id}`).toMatchObject({ overflow: 0, inCard: true });
}

/** Every table on the page as its CSV would hold it: caption line, then each row's cell texts. */
async function screenTables(page: Page): Promise<string[][]> {
  const records: string[][] = [];
  const tables = await page.locator('table.data').all();
  for (const [index, table] of tables.entries()) {
    if (index > 0) records.push([]);
    records.push([(await table.locator('caption').textContent()) ?? '']);
    for (const row of await table.locator('tr').all())
      records.push(await row.locator('th, td').allTextContents());
  }
  return records;
}

describe('the lead dashboard in Chromium', () => {
  let served: DashboardCollector;
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    served = await startDashboardCollector();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('signs in, shows trends, table, a suppressed week, a named row, a check-in; marks it done; exports CSV; signs out', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, served.url, 'en', { login: 'Login', password: 'Password', submit: 'Sign in' });
    const team = served.collector.team.name;
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`${team}: the last 12 weeks`);

    // Trend charts (uPlot canvases) and the same numbers in the table, 12 weeks.
    // uPlot loads in its own chunk after the tables: wait for both charts' canvases.
    await page.locator('.chart').nth(1).locator('canvas').first().waitFor();
    expect(await page.locator('.chart').count()).toBe(2);
    const weeks = page.locator('table[data-table="weeks"] tbody tr');
    expect(await weeks.count()).toBe(12);
    const suppressed = page.locator('table[data-table="weeks"] tbody tr', { hasText: SUPPRESSED_WEEK });
    expect(await suppressed.textContent()).toBe(`${SUPPRESSED_WEEK}Fewer than 5 agents shared this week`);
    const newest = await page
      .locator('table[data-table="weeks"] tbody tr', { hasText: NEWEST_WEEK })
      .locator('td')
      .allTextContents();
    expect(newest[0]).toBe('9'); // 2 named + 7 anonymous agents shared

    // Warnings played: the team's total when every agent's app reported it, else not known.
    expect(await cellUnder(page, 'weeks', 'Warnings played', NEWEST_WEEK)).toEqual(['13']);
    expect(await cellUnder(page, 'weeks', 'Warnings played', V2_WEEK)).toEqual(['7']);
    expect(await cellUnder(page, 'weeks', 'Warnings played', MIXED_WEEK)).toEqual(['not known']);
    expect(await cellUnder(page, 'named', 'Warnings played', NEWEST_WEEK)).toEqual(['2', '0']);
    await expectTablesFit(page);

    // Named rows: one per agent-week, only the named agents.
    const namedRows = await page.locator('table[data-table="named"] tbody th').allTextContents();
    expect(namedRows).toEqual([NEWEST_WEEK, NEWEST_WEEK]);
    expect(await page.locator('table[data-table="named"] tbody').textContent()).toContain('Agent Ada');

    // Check-in requests: the named one by name, the anonymous ones as a count.
    const checkIns = page.locator('section[aria-labelledby="check-ins-title"]');
    expect(await checkIns.getByRole('heading').textContent()).toBe(`Check-in requests for ${NEWEST_WEEK}`);
    expect(await checkIns.locator('.check-ins__item').allTextContents()).toEqual([
      'Agent AdaAsked for a check-inMark done',
    ]);
    expect(await page.getByTestId('anonymous-check-ins').textContent()).toBe(
      '2 agents who shared anonymously also asked for a check-in.',
    );
    await expectNoAxeViolations(page);
    await page.screenshot({ path: resolve(SHOTS, 'dashboard-en.png'), fullPage: true });

    await page.getByRole('button', { name: 'Mark the check-in with Agent Ada as done' }).click();
    await expect
      .poll(() => checkIns.locator('.check-ins__item').textContent())
      .toBe('Agent AdaDone on Nov 26, 2026');

    // The CSV holds exactly the tables on the screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = (
      parse(csv.slice(1), { relax_column_count: true, skip_empty_lines: false }) as string[][]
    ).map((record) => (record.length === 1 && record[0] === '' ? [] : record));
    const onScreen = await screenTables(page);
    expect(records.slice(0, onScreen.length)).toEqual(onScreen);
    expect(records.find((r) => r[0] === SUPPRESSED_WEEK)).toEqual([
      SUPPRESSED_WEEK,
      'Fewer than 5 agents shared this week',
    ]);
    expect(records.find((r) => r[0] === 'Week')).toContain('Warnings played');
    expect(records.find((r) => r[0] === MIXED_WEEK)).toContain('not known');
    expect(records).toContainEqual(['Agent Ada', 'Done on Nov 26, 2026']);
    expect(records).toContainEqual([
      'Anonymous requests',
      '2 agents who shared anonymously also asked for a check-in.',
    ]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    const after = await page.evaluate(() => fetch('/api/dashboard/v1/session').then((r) => r.status));
    expect(after).toBe(401);
    await page.close();
  });

  it('works in Hebrew, right to left, with 0 axe violations', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, served.url, 'he', { login: 'שם משתמש', password: 'סיסמה', submit: 'כניסה' });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`${served.collector.team.name}: 12 השבועות האחרונים`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('he');
    const suppressed = page.locator('table[data-table="weeks"] tbody tr', { hasText: SUPPRESSED_WEEK });
    expect(await suppressed.textContent()).toBe(`${SUPPRESSED_WEEK}פחות מ־5 נציגים ונציגות שיתפו השבוע`);
    expect(await page.locator('.check-ins__item').first().textContent()).toMatch(/^Agent Adaבוצע ב־/);
    expect(await cellUnder(page, 'weeks', 'אזהרות שהושמעו', NEWEST_WEEK)).toEqual(['13']);
    expect(await cellUnder(page, 'weeks', 'אזהרות שהושמעו', MIXED_WEEK)).toEqual(['לא ידוע']);
    expect(await cellUnder(page, 'named', 'אזהרות שהושמעו', NEWEST_WEEK)).toEqual(['2', '0']);
    // At 1280 px both tables fit their cards: the named summaries' last column is not cut off.
    await expectTablesFit(page);
    await expectNoAxeViolations(page);
    await page.locator('.chart').nth(1).locator('canvas').first().waitFor();
    await page.screenshot({ path: resolve(SHOTS, 'dashboard-he.png'), fullPage: true });
    await page.getByRole('button', { name: 'יציאה' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('כניסה');
    await page.close();
  });
});
