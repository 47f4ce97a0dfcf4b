/**
 * OpenID Connect sign-in (authorization code with PKCE, S256), under /api/dashboard/v1:
 *   GET /sign-in-options → { oidc } (whether the page offers single sign-on)
 *   GET /oidc/start      → 302 to the provider; the state is bound to this browser by a cookie
 *   GET /oidc/callback   → code exchanged (state, nonce and PKCE verifier checked by
 *                          openid-client), the lead found (auth/oidc-leads.ts), a fresh session,
 *                          302 to /dashboard/; any failure → 302 to /dashboard/?oidc_error=<code>
 * The verifier and nonce wait in PostgreSQL (oidc_pending), so any collector process can finish
 * a sign-in another one started; each state is used once and lives 10 minutes.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as client from 'openid-client';

import { isLoopbackHttp, type OidcConfig } from '../auth/oidc-config';
import { leadForClaims, type Claims } from '../auth/oidc-leads';
import { CLEARED, OIDC_COOKIE, oidcCookieOptions, SESSION_COOKIE } from './cookies';
import type { SessionDeps } from './routes';
import { startSession } from './routes';
import { destroySession } from './sessions';
import { sameToken, tokenHash } from './tokens';

const PENDING_MS = 10 * 60_000;

export function registerOidcRoutes(
  app: FastifyInstance,
  deps: SessionDeps,
  oidc: OidcConfig | undefined,
): void {
  app.get('/sign-in-options', async () => ({ oidc: oidc !== undefined }));
  if (!oidc) return;
  const { db, clock } = deps;
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    const options = isLoopbackHttp(oidc.issuer) ? { execute: [client.allowInsecureRequests] } : undefined;
    discovered ??= client.discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      oidc.clientSecret,
      undefined,
      options,
    );
    discovered.catch(() => (discovered = null)); // a provider down at start is retried next time
    return discovered;
  };
  const fail = (reply: FastifyReply, code: string) =>
    reply
      .clearCookie(OIDC_COOKIE, CLEARED)
      .redirect(`/dashboard/?oidc_error=${encodeURIComponent(code)}`, 302);

  app.get('/oidc/start', async (_request, reply) => {
    let config: client.Configuration;
    try {
      config = await configuration();
    } catch {
      return fail(reply, 'provider_unreachable');
    }
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const expires = new Date(clock.now() + PENDING_MS);
    await db.query('DELETE FROM oidc_pending WHERE expires_at < $1', [new Date(clock.now())]);
    await db.query(
      'INSERT INTO oidc_pending (state_hash, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, $4)',
      [tokenHash(state), verifier, nonce, expires],
    );
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: oidc.redirectUri,
      scope: oidc.scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return reply.setCookie(OIDC_COOKIE, state, oidcCookieOptions()).redirect(url.href, 302);
  });

  app.get('/oidc/callback', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const state = typeof query.state === 'string' ? query.state : '';
    const bound = request.cookies[OIDC_COOKIE] ?? '';
    if (!state || !bound || !sameToken(state, bound)) return fail(reply, 'state_mismatch');
    const { rows } = await db.query<{ code_verifier: string; nonce: string; expires_at: Date }>(
      'DELETE FROM oidc_pending WHERE state_hash = $1 RETURNING code_verifier, nonce, expires_at',
      [tokenHash(state)],
    );
    const pending = rows[0];
    if (!pending || new Date(pending.expires_at).getTime() < clock.now()) return fail(reply, 'expired');
    let claims: Claims;
    let issuer: string;
    try {
      const config = await configuration();
      const callbackUrl = new URL(oidc.redirectUri);
      callbackUrl.search = new URL(request.url, 'http://placeholder').search;
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
      });
      const idClaims = tokens.claims();
      if (!idClaims) return fail(reply, 'no_id_token');
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...userinfo, ...idClaims };
      issuer = config.serverMetadata().issuer;
    } catch (error) {
      request.log.warn({ errName: (error as Error).name }, 'OpenID sign-in refused');
      return fail(reply, 'provider_refused');
    }
    const leadId = await leadForClaims(db, oidc, issuer, claims, new Date(clock.now()));
    if (!leadId) return fail(reply, 'not_a_lead');
    await destroySession(db, request.cookies[SESSION_COOKIE]);
    await startSession(deps, reply, leadId);
    return reply.clearCookie(OIDC_COOKIE, CLEARED).redirect('/dashboard/', 302);
  });
}
