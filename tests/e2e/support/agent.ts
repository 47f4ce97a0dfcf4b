/**
 * The agent's side of the workstation tests: Chromium flags for fake audio devices on loopback,
 * opening the agent's window registered on a Kamailio, and a customer page, as call-audio.test.ts does.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

import { TESTBED_PASSWORD } from '../../node/phone/support/kamailio';

import type { LaunchedBrowser } from './chromium';
import type { CustomerSite } from './customer-site';
import type { AudioTotals } from './peer-connections';
import { recordPeerConnections } from './peer-connections';

// Fake microphones and outputs (Chromium's fake devices: "Fake Audio Input 1/2", "Fake Audio
// Output 1/2"), no permission prompt, host candidates on loopback, Electron's autoplay default.
export const MEDIA_FLAGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
  '--mute-audio',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
];
export const WAIT = { timeout: 20_000, interval: 200 };

export async function openAgent(
  browser: LaunchedBrowser,
  previewUrl: string,
  wsUrl: string,
  user = '1001',
): Promise<Page> {
  const page = await browser.context.newPage();
  await recordPeerConnections(page);
  await page.goto(previewUrl);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('WebSocket server URL').fill(wsUrl);
  await page.getByLabel('SIP user').fill(user);
  await page.getByLabel('Password').fill(TESTBED_PASSWORD);
  await page.getByLabel('Display name').fill('Dana Levi');
  await page.getByRole('button', { name: 'Save account' }).click();
  await page.getByTestId('registration-status').getByText('Registered as').waitFor(WAIT);
  await page.getByRole('button', { name: 'Phone' }).click();
  return page;
}

export interface Customer {
  page: Page;
  call(target: string): Promise<unknown>;
  totals(): Promise<AudioTotals>;
  state(): Promise<string>;
}

export async function openCustomer(
  browser: LaunchedBrowser,
  site: CustomerSite,
  wsUrl: string,
  who: { user: string; name: string },
): Promise<Customer> {
  const page = await browser.context.newPage();
  await page.goto(site.pageUrl({ server: wsUrl, password: TESTBED_PASSWORD, ...who }));
  await page.waitForFunction('window.customer?.registered === true', null, WAIT);
  return {
    page,
    call: (target) => page.evaluate(`window.customer.call(${JSON.stringify(target)})`),
    totals: () => page.evaluate('window.customer.totals()') as Promise<AudioTotals>,
    state: () => page.evaluate('window.customer.state()') as Promise<string>,
  };
}

/** The counter keeps growing: packets are flowing that way now. */
export async function expectRising(read: () => Promise<AudioTotals>, counter: 'received' | 'sent') {
  const before = (await read())[counter];
  await expect.poll(async () => (await read())[counter], WAIT).toBeGreaterThan(before + 10);
}

/**
 * The counter stands still while `witness` (a stream known to be flowing) carries half a second of
 * audio (25 packets of 20 ms): nothing flows that way. Packets already in flight land first, while
 * the witness carries its first 10. Counted in packets, not measured in wall-clock time.
 */
export async function expectStill(
  read: () => Promise<AudioTotals>,
  counter: 'received' | 'sent',
  witness: () => Promise<number>,
) {
  const inFlight = await witness();
  await expect.poll(witness, WAIT).toBeGreaterThan(inFlight + 10);
  const before = (await read())[counter];
  const start = await witness();
  await expect.poll(witness, WAIT).toBeGreaterThan(start + 25);
  expect((await read())[counter]).toBe(before);
}
