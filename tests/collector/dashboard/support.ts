/**
 * Dashboard test helpers over the collector's test harness: a lead with a password, summaries
 * shared by enrolled installs, and a lead's HTTP client that keeps its cookie and CSRF token
 * the way a browser would (Node's fetch has no cookie jar).
 */
import { hashPassword } from '../../../collector/src/auth/passwords';
import { setPasswordHash } from '../../../collector/src/leads/leads';
import { addLead, createTeam } from '../../../collector/src/teams';
import type { WeeklySummaryV1 } from '../../../preload/schemas/team-summary';
import type { TestCollector } from '../support/harness';
import { weekSummary, weekSummaryV2 } from '../support/summaries';

export const LEAD_PASSWORD = 'correct horse battery staple';

export async function createLead(
  collector: TestCollector,
  username: string,
  teamId = collector.team.id,
  password = LEAD_PASSWORD,
): Promise<string> {
  const now = new Date(collector.clock.now());
  const leadId = await addLead(collector.store.db, {
    username,
    displayName: `Lead ${username}`,
    teamId,
    now,
  });
  await setPasswordHash(collector.store.db, leadId, await hashPassword(password), now);
  return leadId;
}

export async function createOtherTeam(collector: TestCollector, name = 'Other team') {
  return createTeam(collector.store.db, name, new Date(collector.clock.now()));
}

/** A summary's overrides; with `warningsPlayed` it is sent as payload v2, without as v1 (an older app). */
export type SummaryOverrides = Partial<Omit<WeeklySummaryV1, 'version'>> & { warningsPlayed?: number };

/** Enrolls `count` installs in a team and shares `week` from each; returns the install ids. */
export async function share(
  collector: TestCollector,
  week: string,
  summaries: SummaryOverrides[],
  team: { code: string } = collector.team,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, overrides] of summaries.entries()) {
    const { token, installId } = await collector.enroll(team, `PC-${week}-${index}`);
    const { warningsPlayed, ...rest } = overrides;
    const summary =
      warningsPlayed === undefined ? weekSummary(week, rest) : weekSummaryV2(week, warningsPlayed, rest);
    const response = await collector.putWeek(token, summary);
    if (response.status !== 200)
      throw new Error(`put ${week} answered ${response.status}: ${await response.text()}`);
    ids.push(installId);
  }
  return ids;
}

export const anonymous = (count: number, overrides: SummaryOverrides = {}) =>
  Array.from({ length: count }, () => ({ consent: 'anonymous' as const, ...overrides }));

export const named = (agentName: string, overrides: SummaryOverrides = {}) => ({
  consent: 'named' as const,
  agentName,
  ...overrides,
});

export interface LeadClient {
  cookie: string | null;
  csrf: string | null;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  signIn(login: string, password?: string): Promise<Response>;
}

const COOKIE = /^(__Host-steadyline-lead=[^;]*)/;

export function leadClient(collector: TestCollector): LeadClient {
  const client: LeadClient = {
    cookie: null,
    csrf: null,
    async request(method, path, body, headers = {}) {
      const response = await fetch(`${collector.baseUrl}${path}`, {
        method,
        redirect: 'manual',
        headers: {
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...(client.csrf && method !== 'GET' ? { 'x-csrf-token': client.csrf } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const set = response.headers.getSetCookie().find((c) => c.startsWith('__Host-steadyline-lead='));
      const value = set ? COOKIE.exec(set)?.[1] : undefined;
      if (value) client.cookie = value === '__Host-steadyline-lead=' ? null : value;
      return response;
    },
    async signIn(login, password = LEAD_PASSWORD) {
      const response = await client.request('POST', '/api/dashboard/v1/session', { login, password });
      if (response.ok) client.csrf = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
      return response;
    },
  };
  return client;
}
