/**
 * First end-to-end journey: the real renderer bundle in Debian Chromium, the real core in a Node
 * child process, the test bridge between them (only Electron's IPC transport is not exercised).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium, screenshot, type LaunchedBrowser } from './support/chromium';
import { startPreviewProcess, type PreviewProcess } from './support/preview-process';

const PASSWORD = 'e2e-Pa55word-7Qx';
let dataDir: string;
let chromium: LaunchedBrowser;
let preview: PreviewProcess | null = null;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-e2e-'));
  chromium = await launchChromium();
});

afterAll(async () => {
  await preview?.stop();
  await chromium?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openApp(): Promise<Page> {
  preview = await startPreviewProcess(dataDir);
  const page = await chromium.context.newPage();
  await page.goto(preview.url);
  return page;
}

async function restartCore(page: Page): Promise<void> {
  await preview?.stop();
  preview = await startPreviewProcess(dataDir);
  await page.goto(preview.url);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('first run: configure the SIP account', () => {
  it('shows "not configured", keeps the account across a core restart, and never writes the password', async () => {
    const page = await openApp();
    const status = page.getByTestId('registration-status');
    await expect.poll(() => status.textContent()).toContain('Not configured');
    await screenshot(page, 'en-01-not-configured');

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('WebSocket server URL').fill('http://wrong');
    await page.getByRole('button', { name: 'Save account' }).click();
    await expect.poll(() => page.getByText('starting with ws:// or wss://').count()).toBe(1);
    await screenshot(page, 'en-02-validation');

    await page.getByLabel('WebSocket server URL').fill('ws://127.0.0.1:9/ws');
    await page.getByLabel('SIP user').fill('1001');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Display name').fill('Dana Levi');
    await page.getByRole('button', { name: 'Save account' }).click();
    await expect.poll(() => page.getByText('Account saved.').count()).toBe(1);
    await screenshot(page, 'en-03-saved');

    await restartCore(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => page.getByLabel('SIP user').inputValue()).toBe('1001');
    expect(await page.getByLabel('Display name').inputValue()).toBe('Dana Levi');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByText('A password is stored.').count()).toBe(1);
    expect(await status.textContent()).not.toContain('Not configured');

    const settingsFile = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    expect(settingsFile).toContain('1001');
    for (const file of filesUnder(dataDir)) {
      expect(readFileSync(file).includes(PASSWORD), `password found in ${file}`).toBe(false);
    }
    expect(preview?.output()).not.toContain(PASSWORD);
    await page.close();
  });

  it('switches to Hebrew, right to left, and stays in Hebrew after a restart', async () => {
    if (!preview) throw new Error('the first journey starts the core');
    const page = await chromium.context.newPage();
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('he');
    await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('rtl');
    expect(await page.evaluate('document.documentElement.lang')).toBe('he');
    await screenshot(page, 'he-01-settings');

    await restartCore(page);
    await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('rtl');
    await screenshot(page, 'he-02-after-restart');
    await page.close();
  });
});
