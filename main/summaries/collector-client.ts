/**
 * The collector's API v1 (preload/schemas/team-summary.ts) over an injected `fetch`: the global
 * one in the app and the preview, a recording one in tests. Every answer is checked against the
 * wire schema; a body is sent exactly as given (the bytes the agent saw in the preview).
 */
import type { z } from 'zod';

import { describeError } from '../kernel/describe-error';
import {
  DeleteReceipt,
  EnrollResponse,
  HeldWeeks,
  WeekReceipt,
  type EnrollRequest,
  type IsoWeek,
} from '../../preload/schemas/team-summary';

/** The part of WHATWG fetch the client uses. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

/**
 * Why a request did not succeed. `retry`: the collector could not be reached or was busy or
 * failing (network error, timeout, 408, 429, 5xx): try again later. Otherwise it refused the
 * request (4xx); `status` 401 means the install's token is no longer valid.
 */
export class CollectorError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
    readonly status: number | null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'CollectorError';
  }
}

export interface CollectorClient {
  enroll(request: EnrollRequest): Promise<EnrollResponse>;
  putWeek(token: string, week: IsoWeek, body: string): Promise<WeekReceipt>;
  deleteWeek(token: string, week: IsoWeek): Promise<DeleteReceipt>;
  deleteAll(token: string): Promise<DeleteReceipt>;
  listWeeks(token: string): Promise<HeldWeeks>;
}

export const COLLECTOR_TIMEOUT_MS = 10_000;

export function createCollectorClient({
  baseUrl,
  fetch,
  timeoutMs = COLLECTOR_TIMEOUT_MS,
}: {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs?: number;
}): CollectorClient {
  const root = baseUrl.replace(/\/+$/, '');

  async function call<S extends z.ZodType>(
    schema: S,
    method: string,
    path: string,
    { token, body }: { token?: string; body?: string } = {},
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    // A real-time limit: this bounds real network I/O, which a test's fake clock does not drive.
    const signal = AbortSignal.timeout(timeoutMs);
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${root}${path}`, { method, headers, body, signal });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const reason = signal.aborted ? 'no answer in time' : describeError(error);
      throw new CollectorError(`the collector could not be reached (${reason})`, true, null);
    }
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(safeJson(text));
      if (parsed.success) return parsed.data;
      throw new CollectorError(
        `the collector's answer to ${method} ${path} was not understood`,
        true,
        status,
      );
    }
    const retry = status === 408 || status === 429 || status >= 500;
    const code = errorCode(text);
    throw new CollectorError(
      `the collector answered ${status}${code ? ` (${code})` : ''}`,
      retry,
      status,
      code,
    );
  }

  return {
    enroll: (request) =>
      call(EnrollResponse, 'POST', '/api/v1/enrollments', { body: JSON.stringify(request) }),
    putWeek: (token, week, body) =>
      call(WeekReceipt, 'PUT', `/api/v1/weeks/${encodeURIComponent(week)}`, { token, body }),
    deleteWeek: (token, week) =>
      call(DeleteReceipt, 'DELETE', `/api/v1/weeks/${encodeURIComponent(week)}`, { token }),
    deleteAll: (token) => call(DeleteReceipt, 'DELETE', '/api/v1/weeks', { token }),
    listWeeks: (token) => call(HeldWeeks, 'GET', '/api/v1/weeks', { token }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The collector's stable error code, if the body names one (never its message: it may echo input). */
function errorCode(text: string): string | null {
  const parsed = safeJson(text) as { error?: unknown } | undefined;
  return typeof parsed?.error === 'string' ? parsed.error.slice(0, 60) : null;
}
