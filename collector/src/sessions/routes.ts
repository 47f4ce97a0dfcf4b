/**
 * Sign-in, the current session, and sign-out for local lead accounts (under /api/dashboard/v1).
 *   POST   /session  { login, password } → SessionInfo, sets the cookie
 *   GET    /session  → SessionInfo (401 without a live session)
 *   DELETE /session  (CSRF) → 204, session ended and cookie cleared
 * Every sign-in gets a brand-new token (a cookie planted before sign-in is never adopted).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

import { clearFailures, lockedUntil, recordFailure } from '../auth/lockout';
import { decoyHash, verifyPassword } from '../auth/passwords';
import type { Clock } from '../clock';
import type { Queryable } from '../db/store';
import { SignInRequest, type SessionInfo } from '../dashboard-api/schemas';
import { findLeadById, findLeadByUsername, leadTeams, passwordHash } from '../leads/leads';

import { CLEARED, SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from './cookies';
import { refuse, requireSession, sameOrigin } from './guard';
import { createSession, destroySession, type LeadSession } from './sessions';

export interface SessionDeps {
  db: Queryable;
  clock: Clock;
}

async function sessionInfo(db: Queryable, session: LeadSession): Promise<SessionInfo | null> {
  const lead = await findLeadById(db, session.leadId);
  if (!lead) return null;
  return {
    lead: { id: lead.id, displayName: lead.displayName },
    teams: await leadTeams(db, lead.id),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  };
}

/** Starts a session for a lead who proved who they are (password or OpenID) and sets the cookie. */
export async function startSession(
  deps: SessionDeps,
  reply: FastifyReply,
  leadId: string,
): Promise<SessionInfo | null> {
  const session = await createSession(deps.db, leadId, new Date(deps.clock.now()));
  reply.setCookie(SESSION_COOKIE, session.token, SESSION_COOKIE_OPTIONS);
  return sessionInfo(deps.db, session);
}

export function registerSessionRoutes(app: FastifyInstance, deps: SessionDeps): void {
  const { db, clock } = deps;

  // Per address, on top of the per-login lockout (@fastify/rate-limit, registered by app.ts).
  const signInLimit = {
    rateLimit: { max: 10, timeWindow: 60_000, keyGenerator: (r: { ip: string }) => r.ip },
  };

  app.post('/session', { config: signInLimit }, async (request, reply) => {
    if (!sameOrigin(request))
      return refuse(reply, 403, 'csrf', 'Sign-in must come from the dashboard itself.');
    const parsed = SignInRequest.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'bad_request', message: 'A login and a password are needed.' });
    const { login, password } = parsed.data;
    const now = new Date(clock.now());
    // An old session cookie is ended, never upgraded (session fixation).
    await destroySession(db, request.cookies[SESSION_COOKIE]);
    if (await lockedUntil(db, login, now)) {
      return refuse(
        reply,
        429,
        'locked',
        'Too many failed sign-ins for this login; try again in 15 minutes.',
      );
    }
    const lead = await findLeadByUsername(db, login);
    const stored = lead ? await passwordHash(db, lead.id) : null;
    const ok = await verifyPassword(stored ?? (await decoyHash()), password);
    if (!lead || !stored || !ok) {
      await recordFailure(db, login, now);
      return refuse(reply, 401, 'wrong_credentials', 'That login and password do not match.');
    }
    await clearFailures(db, login);
    const info = await startSession(deps, reply, lead.id);
    return reply.header('cache-control', 'no-store').send(info);
  });

  app.get('/session', async (request, reply) => {
    const session = await requireSession(request, reply, deps);
    if (!session) return reply;
    const info = await sessionInfo(db, session);
    if (!info) return refuse(reply, 401, 'not_signed_in', 'Sign in first.');
    return reply.header('cache-control', 'no-store').send(info);
  });

  app.delete('/session', async (request, reply) => {
    const session = await requireSession(request, reply, deps);
    if (!session) return reply;
    await destroySession(db, request.cookies[SESSION_COOKIE]);
    return reply.clearCookie(SESSION_COOKIE, CLEARED).code(204).send();
  });
}
