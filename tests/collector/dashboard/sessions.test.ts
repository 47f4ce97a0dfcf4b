/**
 * Lead sign-in and sessions on both stores: cookie attributes, wrong passwords, lockout, the
 * per-address limit, idle and absolute expiry on the fake clock, sign-out, session fixation,
 * a tampered cookie, and CSRF on every state-changing request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startTestCollector, type TestCollector } from '../support/harness';
import { STORE_KINDS } from '../support/stores';
import { createLead, LEAD_PASSWORD, leadClient } from './support';

const MINUTE = 60_000;

describe.each(STORE_KINDS)('lead sessions on %s', (kind) => {
  let collector: TestCollector;
  beforeEach(async () => {
    collector = await startTestCollector(kind);
    await createLead(collector, 'dana');
  });
  afterEach(() => collector.close());

  it('signs in with a Secure, HttpOnly, SameSite=Strict __Host- cookie and a CSRF token', async () => {
    const lead = leadClient(collector);
    const response = await lead.signIn('Dana');
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-steadyline-lead='));
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/Domain=/i);
    const info = (await response.json()) as {
      lead: { displayName: string };
      teams: { id: string }[];
      csrfToken: string;
    };
    expect(info.lead.displayName).toBe('Lead dana');
    expect(info.teams.map((t) => t.id)).toEqual([collector.team.id]);
    expect(info.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await lead.request('GET', '/api/dashboard/v1/session')).status).toBe(200);
    // Only the token's hash is stored.
    const { rows } = await collector.store.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM lead_sessions',
    );
    expect(rows).toHaveLength(1);
    expect(lead.cookie).not.toContain(rows[0]?.token_hash);
  });

  it('refuses a wrong password, an unknown login and bad input, the same way', async () => {
    const lead = leadClient(collector);
    const wrong = await lead.signIn('dana', 'not the password at all');
    const unknown = await lead.signIn('nobody', LEAD_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(lead.cookie).toBeNull();
    for (const body of [
      {},
      { login: 'dana' },
      { login: 'dana', password: 'x'.repeat(300) },
      { login: 'dana', password: 'p', extra: 1 },
    ]) {
      expect((await lead.request('POST', '/api/dashboard/v1/session', body)).status).toBe(400);
    }
    const text = await fetch(`${collector.baseUrl}/api/dashboard/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"login":',
    });
    expect(text.status).toBe(400);
  });

  it('locks a login for 15 minutes after 5 failures, even for the right password, then lets it in', async () => {
    const lead = leadClient(collector);
    for (let i = 0; i < 5; i += 1)
      expect((await lead.signIn('dana', `wrong password ${i}`)).status).toBe(401);
    const locked = await lead.signIn('dana');
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: 'locked' });
    await collector.clock.advance(14 * MINUTE);
    expect((await lead.signIn('DANA')).status).toBe(429);
    await collector.clock.advance(2 * MINUTE);
    expect((await lead.signIn('dana')).status).toBe(200);
  });

  it('limits sign-in attempts per address (10 a minute), whatever the login', async () => {
    const lead = leadClient(collector);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push((await lead.signIn(`someone${i}`, 'wrong password')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });

  it('ends a session after 30 idle minutes, and after 8 hours however busy', async () => {
    const lead = leadClient(collector);
    await lead.signIn('dana');
    await collector.clock.advance(29 * MINUTE);
    expect((await lead.request('GET', '/api/dashboard/v1/session')).status).toBe(200);
    await collector.clock.advance(31 * MINUTE);
    expect((await lead.request('GET', '/api/dashboard/v1/session')).status).toBe(401);

    await lead.signIn('dana');
    for (let i = 0; i < 16; i += 1) {
      await collector.clock.advance(29 * MINUTE);
      expect((await lead.request('GET', '/api/dashboard/v1/session')).status).toBe(200);
    }
    await collector.clock.advance(29 * MINUTE); // 8 h 13 min after sign-in
    expect((await lead.request('GET', '/api/dashboard/v1/session')).status).toBe(401);
    // A later sign-in sweeps sessions that ended without a sign-out.
    await collector.clock.advance(31 * MINUTE);
    await leadClient(collector).signIn('dana');
    const { rows } = await collector.store.db.query('SELECT 1 FROM lead_sessions');
    expect(rows).toHaveLength(1);
  });

  it('signs out: the cookie is cleared and the old token no longer works', async () => {
    const lead = leadClient(collector);
    await lead.signIn('dana');
    const token = lead.cookie;
    const out = await lead.request('DELETE', '/api/dashboard/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/__Host-steadyline-lead=;/);
    lead.cookie = token;
    expect((await lead.request('GET', '/api/dashboard/v1/session')).status).toBe(401);
  });

  it('never adopts a session token planted before sign-in (session fixation)', async () => {
    const attacker = leadClient(collector);
    await attacker.signIn('dana');
    const planted = attacker.cookie;
    const victim = leadClient(collector);
    victim.cookie = planted;
    await victim.signIn('dana');
    expect(victim.cookie).not.toBe(planted);
    // The planted session was ended by the sign-in that carried it.
    attacker.cookie = planted;
    expect((await attacker.request('GET', '/api/dashboard/v1/session')).status).toBe(401);
    const made = leadClient(collector);
    made.cookie = '__Host-steadyline-lead=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await made.signIn('dana');
    expect(made.cookie).not.toContain('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  });

  it('refuses a tampered cookie', async () => {
    const lead = leadClient(collector);
    await lead.signIn('dana');
    const good = lead.cookie as string;
    const last = good.at(-1) === 'A' ? 'B' : 'A';
    for (const cookie of [
      `${good.slice(0, -1)}${last}`,
      `${good}x`,
      '__Host-steadyline-lead=../../etc',
      '__Host-steadyline-lead=',
    ]) {
      lead.cookie = cookie;
      expect((await lead.request('GET', '/api/dashboard/v1/session')).status).toBe(401);
    }
  });

  it('refuses a state-changing request without the CSRF token, with a wrong one, or from another origin', async () => {
    const lead = leadClient(collector);
    await lead.signIn('dana');
    const csrf = lead.csrf;
    lead.csrf = null;
    expect((await lead.request('DELETE', '/api/dashboard/v1/session')).status).toBe(403);
    lead.csrf = 'x'.repeat(43);
    expect((await lead.request('DELETE', '/api/dashboard/v1/session')).status).toBe(403);
    lead.csrf = csrf;
    const cross = await lead.request('DELETE', '/api/dashboard/v1/session', undefined, {
      origin: 'https://evil.example',
    });
    expect(cross.status).toBe(403);
    expect((await lead.request('GET', '/api/dashboard/v1/session')).status).toBe(200);
    const signInCross = await lead.request(
      'POST',
      '/api/dashboard/v1/session',
      { login: 'dana', password: LEAD_PASSWORD },
      {
        origin: 'https://evil.example',
      },
    );
    expect(signInCross.status).toBe(403);
  });
});
