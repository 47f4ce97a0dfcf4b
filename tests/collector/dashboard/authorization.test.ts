/**
 * The authorization matrix: every dashboard route, asked with no session, an expired session, a
 * tampered cookie, another team's id, a made-up id and a malformed id, answers 401/403/404 and
 * never a figure, a name or a team name. A positive control shows each route does answer its
 * own lead. Runs on the real PostgreSQL server and on PGlite.
 */
import { randomUUID } from 'node:crypto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startTestCollector, type TestCollector } from '../support/harness';
import { STORE_KINDS } from '../support/stores';
import { anonymous, createLead, createOtherTeam, leadClient, named, share, type LeadClient } from './support';

interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: (team: string, install: string) => string;
  body?: unknown;
}

const ROUTES: Route[] = [
  { method: 'GET', path: () => '/api/dashboard/v1/session' },
  { method: 'GET', path: (t) => `/api/dashboard/v1/teams/${t}/weeks` },
  { method: 'GET', path: (t) => `/api/dashboard/v1/teams/${t}/named` },
  { method: 'GET', path: (t) => `/api/dashboard/v1/teams/${t}/check-ins` },
  {
    method: 'POST',
    path: (t, i) => `/api/dashboard/v1/teams/${t}/check-ins/${i}/done`,
    body: { week: '2026-W47' },
  },
  { method: 'DELETE', path: () => '/api/dashboard/v1/session' },
];
const TEAM_ROUTES = ROUTES.filter((route) => route.path('TEAM', 'I').includes('TEAM'));

describe.each(STORE_KINDS)('dashboard authorization matrix on %s', (kind) => {
  let collector: TestCollector;
  let ownInstall: string;
  let otherTeam: { id: string; name: string };
  let otherInstall: string;
  const secrets = ['Agent Ada', 'Agent Zed'];

  beforeEach(async () => {
    collector = await startTestCollector(kind, { enrollRateLimitMax: 1000 });
    await createLead(collector, 'dana');
    const other = await createOtherTeam(collector, 'Secret other team');
    otherTeam = other;
    await createLead(collector, 'omar', other.id);
    ownInstall = (
      await share(collector, '2026-W47', [named('Agent Ada', { checkInRequested: true }), ...anonymous(5)])
    )[0] as string;
    otherInstall = (
      await share(
        collector,
        '2026-W47',
        [named('Agent Zed', { checkInRequested: true }), ...anonymous(5)],
        other,
      )
    )[0] as string;
    await collector.passWeekClose(3); // Thursday 2026-11-26: W47 closed, the newest dashboard week
  });
  afterEach(() => collector.close());

  async function expectRefused(
    client: LeadClient,
    route: Route,
    team: string,
    install: string,
    allowed: number[],
  ) {
    const response = await client.request(route.method, route.path(team, install), route.body);
    const text = await response.text();
    expect(allowed, `${route.method} ${route.path(team, install)} answered ${response.status}`).toContain(
      response.status,
    );
    for (const secret of [
      ...secrets,
      otherTeam.name,
      collector.team.name,
      '"figures"',
      '"rows"',
      '"named"',
    ]) {
      expect(text).not.toContain(secret);
    }
  }

  it('answers its own lead on every route (the control)', async () => {
    const dana = leadClient(collector);
    await dana.signIn('dana');
    for (const route of ROUTES) {
      const response = await dana.request(
        route.method,
        route.path(collector.team.id, ownInstall),
        route.body,
      );
      expect([200, 204], `${route.method} ${route.path('T', 'I')}`).toContain(response.status);
    }
  });

  it('refuses every route without a session, with a tampered cookie and with an expired one', async () => {
    const nobody = leadClient(collector);
    for (const route of ROUTES) await expectRefused(nobody, route, collector.team.id, ownInstall, [401]);
    const tampered = leadClient(collector);
    await tampered.signIn('dana');
    tampered.cookie = `${tampered.cookie?.slice(0, -2) ?? ''}zz`;
    for (const route of ROUTES) await expectRefused(tampered, route, collector.team.id, ownInstall, [401]);
    const expired = leadClient(collector);
    await expired.signIn('dana');
    await collector.clock.advance(31 * 60_000);
    for (const route of ROUTES) await expectRefused(expired, route, collector.team.id, ownInstall, [401]);
  });

  it("never gives another team's data, a made-up team's or a malformed id's", async () => {
    const dana = leadClient(collector);
    await dana.signIn('dana');
    for (const route of TEAM_ROUTES) {
      await expectRefused(dana, route, otherTeam.id, otherInstall, [403, 404]);
      await expectRefused(dana, route, randomUUID(), ownInstall, [403, 404]);
      await expectRefused(dana, route, 'not-a-uuid', ownInstall, [400, 403, 404]);
      await expectRefused(dana, route, "' OR 1=1 --", ownInstall, [400, 403, 404]);
    }
    // Own team, another team's install: no such request here.
    const cross = await dana.request(
      'POST',
      `/api/dashboard/v1/teams/${collector.team.id}/check-ins/${otherInstall}/done`,
      {
        week: '2026-W47',
      },
    );
    expect(cross.status).toBe(404);
    // Hostile bodies for the one state-changing route.
    const done = `/api/dashboard/v1/teams/${collector.team.id}/check-ins/${ownInstall}/done`;
    for (const body of [
      undefined,
      {},
      { week: '2026-W99' },
      { week: "2026-W47' --" },
      { week: '2026-W47', extra: 1 },
      [1],
    ]) {
      expect((await dana.request('POST', done, body)).status).toBe(404);
    }
    expect((await dana.request('POST', done, { week: '2026-W46' })).status).toBe(404); // no request that week
    const { rows } = await collector.store.db.query('SELECT 1 FROM check_ins_done');
    expect(rows).toHaveLength(0);
  });

  it('refuses the state-changing route without the CSRF token', async () => {
    const dana = leadClient(collector);
    await dana.signIn('dana');
    dana.csrf = null;
    const route = ROUTES[4] as Route;
    await expectRefused(dana, route, collector.team.id, ownInstall, [403]);
  });
});
