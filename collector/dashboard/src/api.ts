/**
 * The page's one door to the collector: same-origin fetch with the session cookie, the CSRF
 * token on every state-changing request. Errors carry the collector's stable error code.
 */
import type {
  CheckIns,
  CheckInDone,
  NamedRows,
  SessionInfo,
  TeamWeeks,
} from '../../src/dashboard-api/schemas';

export type { CheckIns, NamedRows, SessionInfo, TeamWeeks };

const BASE = '/api/dashboard/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok)
    throw new ApiError(response.status, json.error ?? 'failed', json.message ?? response.statusText);
  return json as T;
}

function remember(info: SessionInfo): SessionInfo {
  csrfToken = info.csrfToken;
  return info;
}

export const api = {
  session: async () => remember(await call<SessionInfo>('GET', '/session')),
  signIn: async (login: string, password: string) =>
    remember(await call<SessionInfo>('POST', '/session', { login, password })),
  signOut: () => call<undefined>('DELETE', '/session'),
  signInOptions: () => call<{ oidc: boolean }>('GET', '/sign-in-options'),
  weeks: (teamId: string) => call<TeamWeeks>('GET', `/teams/${encodeURIComponent(teamId)}/weeks`),
  named: (teamId: string) => call<NamedRows>('GET', `/teams/${encodeURIComponent(teamId)}/named`),
  checkIns: (teamId: string) => call<CheckIns>('GET', `/teams/${encodeURIComponent(teamId)}/check-ins`),
  markDone: (teamId: string, id: string, week: string) =>
    call<CheckInDone>(
      'POST',
      `/teams/${encodeURIComponent(teamId)}/check-ins/${encodeURIComponent(id)}/done`,
      {
        week,
      },
    ),
};
