/**
 * OpenID Connect sign-in end to end: Debian Chromium, the collector on a real PostgreSQL server,
 * and a real OpenID provider (oidc-provider) started here. Authorization code with PKCE; a lead
 * matched by the username claim to a lead IT created, one created from the teams claim, one the
 * claims do not make a lead (refused), and a forged callback (refused).
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildCollector } from '../../../collector/src/app';
import { parseCollectorConfig } from '../../../collector/src/config';
import { migrate } from '../../../collector/src/db/migrate';
import { openPostgres } from '../../../collector/src/db/postgres';
import type { Db } from '../../../collector/src/db/store';
import { createCollectorLogger } from '../../../collector/src/logger';
import { addLead, createTeam } from '../../../collector/src/teams';
import { collectingDestination } from '../../support/collecting-destination';
import { FakeClock } from '../../support/fake-clock';
import { startPostgres, type RunningPostgres } from '../../collector/support/postgres-server';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { listenForProvider, startProvider, type RunningProvider } from './oidc-provider';
import { createTestDatabaseOn } from './collector';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function signInWithProvider(page: Page, base: string, login: string) {
  // A new person at the provider: no session left from the previous test.
  await page.context().clearCookies();
  await page.goto(`${base}/dashboard/?lang=en`);
  await page.getByRole('link', { name: "Sign in with your organisation's account" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/dashboard\//);
}

describe('OpenID Connect sign-in with a real provider', () => {
  let postgres: RunningPostgres;
  let db: Db;
  let provider: RunningProvider;
  let browser: LaunchedBrowser;
  let app: Awaited<ReturnType<typeof buildCollector>>;
  let base: string;
  let teamName: string;

  beforeAll(async () => {
    postgres = await startPostgres();
    db = openPostgres({ connectionString: await createTestDatabaseOn(postgres.url, 'dashboard_oidc') });
    await migrate(db);
    const clock = new FakeClock(Date.now());
    const team = await createTeam(db, 'Night shift', new Date(clock.now()));
    teamName = team.name;
    await addLead(db, {
      username: 'dana',
      displayName: 'Dana Levi',
      teamId: team.id,
      now: new Date(clock.now()),
    });
    const port = await freePort();
    base = `http://localhost:${port}`;
    const reserved = await listenForProvider();
    const client = {
      clientId: 'steadyline',
      clientSecret: 'test-client-secret',
      redirectUri: `${base}/api/dashboard/v1/oidc/callback`,
    };
    provider = startProvider(reserved, client, {
      'sub-dana': { preferred_username: 'dana', name: 'Dana Levi', groups: ['Night shift'] },
      'sub-erez': { preferred_username: 'erez', name: 'Erez Cohen', groups: ['Night shift', 'Unknown team'] },
      'sub-mallory': { preferred_username: 'mallory', name: 'Mallory', groups: ['Some other team'] },
    });
    app = await buildCollector({
      db,
      clock,
      logger: createCollectorLogger({ destination: collectingDestination() }),
      config: parseCollectorConfig({
        oidc: { issuer: provider.issuer, ...client, scope: 'openid profile groups', teamsClaim: 'groups' },
      }),
    });
    await app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await provider?.close();
    await db?.close();
    postgres?.stop();
  });

  it('signs in a lead IT created, matched by the username claim, and links the subject', async () => {
    const page = await browser.context.newPage();
    await signInWithProvider(page, base, 'sub-dana');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`${teamName}: the last 12 weeks`);
    expect(await page.getByText('Signed in as Dana Levi').count()).toBe(1);
    const { rows } = await db.query<{ subject: string; username: string }>(
      'SELECT s.subject, l.username FROM lead_oidc_subjects s JOIN leads l ON l.id = s.lead_id',
    );
    expect(rows).toEqual([{ subject: 'sub-dana', username: 'dana' }]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await page.close();
  });

  it('creates a lead from the teams claim, with only the teams that exist here', async () => {
    const page = await browser.context.newPage();
    await signInWithProvider(page, base, 'sub-erez');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`${teamName}: the last 12 weeks`);
    const { rows } = await db.query<{ name: string }>(
      `SELECT t.name FROM lead_teams lt JOIN teams t ON t.id = lt.team_id JOIN leads l ON l.id = lt.lead_id
        WHERE l.username = 'erez'`,
    );
    expect(rows).toEqual([{ name: 'Night shift' }]);
    await page.close();
  });

  it('refuses someone whose claims name no team here, and a forged callback', async () => {
    const page = await browser.context.newPage();
    await signInWithProvider(page, base, 'sub-mallory');
    expect(new URL(page.url()).searchParams.get('oidc_error')).toBe('not_a_lead');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Single sign-on did not work: not_a_lead');
    const forged = await fetch(`${base}/api/dashboard/v1/oidc/callback?code=stolen&state=guessed`, {
      redirect: 'manual',
    });
    expect(forged.status).toBe(302);
    expect(forged.headers.get('location')).toBe('/dashboard/?oidc_error=state_mismatch');
    expect(forged.headers.getSetCookie().join()).not.toContain('__Host-steadyline-lead=');
    const { rows } = await db.query("SELECT 1 FROM leads WHERE username = 'mallory'");
    expect(rows).toEqual([]);
    await page.close();
  });
});
