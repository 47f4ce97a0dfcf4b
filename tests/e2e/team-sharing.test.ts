/**
 * Sharing with the team lead end to end: the built renderer in Debian Chromium, the real core in
 * the preview child process (its journal holding a real week with canaries), and the real
 * collector (buildCollector on PGlite) on loopback. Opt in, enroll with the team code, preview
 * the table and the exact JSON, share (the bytes the collector received are the JSON shown),
 * see it in the shared history, revoke it, and see that the collector holds nothing; in English
 * and in Hebrew, with screenshots of the share screen for the README.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openJournal } from '../../main/journal/open-journal';
import { silentLogger } from '../../main/logging/logger';
import { lastCompleteWeek, systemTimeZone } from '../../main/summaries/iso-week';
import { CANARIES, journalWeek } from '../node/summaries/support/agent-week';
import { startLiveCollector, type LiveCollector } from '../node/summaries/support/live-collector';

import { launchChromium, screenshot, type LaunchedBrowser } from './support/chromium';
import { startPreviewProcess, type PreviewProcess } from './support/preview-process';

let chromium: LaunchedBrowser;
let collector: LiveCollector;
const previews: PreviewProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  chromium = await launchChromium();
  collector = await startLiveCollector({ now: Date.now() });
});
afterAll(async () => {
  for (const preview of previews) await preview.stop();
  await chromium?.close();
  await collector?.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** An agent whose journal holds last week (with canaries), running the preview core. */
async function openAgent(): Promise<{ page: Page; week: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'steadyline-e2e-share-'));
  dirs.push(dataDir);
  const range = lastCompleteWeek(Date.now(), systemTimeZone());
  const journal = openJournal({ file: join(dataDir, 'journal.sqlite3'), logger: silentLogger() });
  journalWeek(journal.db, range.start);
  journal.close();
  const preview = await startPreviewProcess(dataDir);
  previews.push(preview);
  const page = await chromium.context.newPage();
  await page.goto(preview.url);
  return { page, week: range.week };
}

interface Labels {
  nav: string;
  phone: string;
  review: string;
  anonymous: string;
  save: string;
  url: string;
  code: string;
  connect: string;
  showJson: string;
  checkIn: string;
  /** The preview table's row of warnings played (journalWeek plays 3 that count). */
  warningsRow: string;
  share: string;
  shared: string;
  revoke: (week: string) => string;
  revoked: string;
  check: string;
  holdsNothing: RegExp;
}

async function shareAndRevoke(page: Page, week: string, labels: Labels, lang: 'en' | 'he') {
  await page.getByRole('button', { name: labels.nav, exact: true }).click();
  await page.getByRole('radio', { name: labels.anonymous }).check();
  await page.getByRole('button', { name: labels.save }).click();
  // "Ask me each week": the finished week waits on a card on the other screens.
  await page.getByRole('button', { name: labels.phone, exact: true }).click();
  const card = page.getByTestId('share-card');
  await expect.poll(() => card.textContent()).toContain(week);
  if (lang === 'en') await screenshot(page, 'en-54-weekly-card');
  await card.getByRole('button', { name: labels.review }).click();
  await page.getByLabel(labels.url).fill(collector.baseUrl);
  await page.getByLabel(labels.code).fill(collector.team.code);
  await page.getByRole('button', { name: labels.connect }).click();
  await expect.poll(() => page.getByTestId('sharing-enrolled').textContent()).toContain('Night shift');

  await page.getByRole('checkbox', { name: labels.checkIn }).check();
  await page.getByRole('button', { name: labels.showJson }).click();
  const json = page.getByTestId('share-json');
  await expect.poll(() => json.textContent()).toContain('"checkInRequested": true');
  await expect.poll(() => page.getByTestId('share-table').textContent()).toContain('3');
  const shown = (await json.textContent()) ?? '';
  expect(JSON.parse(shown)).toMatchObject({
    version: 2,
    week,
    consent: 'anonymous',
    callsHandled: 3,
    warningsPlayed: 3,
  });
  expect(await page.getByTestId('share-table').getByRole('row', { name: labels.warningsRow }).count()).toBe(
    1,
  );
  await screenshot(page, `${lang}-51-share-preview`);

  await page.getByRole('button', { name: labels.share }).click();
  const entry = page.locator(`[data-week="${week}"]`);
  await expect.poll(() => entry.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
  expect(await entry.textContent()).toContain(labels.shared);
  // Byte for byte: the body the collector's socket received is the JSON the agent was shown.
  expect(collector.received()).toContain(`\r\n\r\n${shown}`);
  for (const canary of Object.values(CANARIES)) expect(collector.received()).not.toContain(canary);
  await screenshot(page, `${lang}-52-shared-history`);

  await page.getByRole('button', { name: labels.revoke(week) }).click();
  await expect.poll(() => entry.getAttribute('data-state'), { timeout: 15_000 }).toBe('revoked');
  expect(await entry.textContent()).toContain(labels.revoked);
  await page.getByRole('button', { name: labels.check }).click();
  await expect.poll(() => page.getByTestId('share-holding').textContent()).toMatch(labels.holdsNothing);
  await screenshot(page, `${lang}-53-revoked`);
}

describe('sharing with the team lead', () => {
  it('opts in, previews, shares, shows the history and revokes, in English', async () => {
    const { page, week } = await openAgent();
    await shareAndRevoke(
      page,
      week,
      {
        nav: 'Sharing',
        phone: 'Phone',
        review: 'Review and share',
        anonymous: "Count me in the team's anonymous totals",
        save: 'Save my choice',
        url: 'Collector address',
        code: 'Team code',
        connect: 'Connect',
        showJson: 'Show exactly what is sent',
        checkIn: "I'd like a check-in with my lead this week",
        warningsRow: 'Warnings played 3',
        share: 'Share this week',
        shared: 'shared',
        revoke: (w) => `Revoke week ${w}`,
        revoked: 'revoked',
        check: 'Check what the collector holds',
        holdsNothing: /holds nothing from this computer/,
      },
      'en',
    );
  });

  it('does the same in Hebrew, right to left', async () => {
    const { page, week } = await openAgent();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('he');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await shareAndRevoke(
      page,
      week,
      {
        nav: 'שיתוף',
        phone: 'טלפון',
        review: 'עיון ושיתוף',
        anonymous: 'לספור אותי בסיכומים האנונימיים של הצוות',
        save: 'שמירת הבחירה',
        url: 'כתובת האוסף',
        code: 'קוד הצוות',
        connect: 'חיבור',
        showJson: 'הצגת מה שנשלח בדיוק',
        checkIn: 'אשמח לשיחת בדיקה עם ראש הצוות השבוע',
        warningsRow: 'אזהרות שהושמעו 3',
        share: 'שיתוף השבוע הזה',
        shared: 'שותף',
        // The week code is isolated left to right inside the Hebrew sentence (U+2066 … U+2069).
        revoke: (w) => `ביטול שבוע \u2066${w}\u2069`,
        revoked: 'בוטל',
        check: 'בדיקה מה האוסף מחזיק',
        holdsNothing: /לא מחזיק דבר מהמחשב הזה/,
      },
      'he',
    );
  });
});
