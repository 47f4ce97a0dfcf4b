/**
 * Who is asking: the session behind the cookie (401 without a live one) and, for every
 * state-changing request, the CSRF token in the X-CSRF-Token header (403 when it is missing or
 * wrong). Anything sent before sign-in must come from our own origin (403 otherwise).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Clock } from '../clock';
import type { Queryable } from '../db/store';

import { SESSION_COOKIE } from './cookies';
import { touchSession, type LeadSession } from './sessions';
import { sameToken } from './tokens';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function refuse(reply: FastifyReply, status: 401 | 403 | 404 | 429, error: string, message: string) {
  return reply.code(status).header('cache-control', 'no-store').send({ error, message });
}

/** The Origin header, when a browser sent one, must name this very host. */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The live session, or null after answering 401/403 (the caller then returns). */
export async function requireSession(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { db: Queryable; clock: Clock },
): Promise<LeadSession | null> {
  const session = await touchSession(deps.db, request.cookies[SESSION_COOKIE], new Date(deps.clock.now()));
  if (!session) {
    await refuse(reply, 401, 'not_signed_in', 'Sign in first (no session, or it expired).');
    return null;
  }
  if (STATE_CHANGING.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, session.csrfToken) || !sameOrigin(request)) {
      await refuse(reply, 403, 'csrf', 'This request is missing its CSRF token or came from another site.');
      return null;
    }
  }
  return session;
}
