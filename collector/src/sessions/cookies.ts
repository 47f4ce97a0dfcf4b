/**
 * The session cookie: `__Host-` prefixed (the browser then insists on Secure, Path=/ and no
 * Domain, so no subdomain can plant or read it), HttpOnly (no script reads it), SameSite=Strict
 * (never sent on a cross-site request). Browsers treat http://localhost as secure for cookies.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';

export const SESSION_COOKIE = '__Host-steadyline-lead';
/** Binds an OpenID sign-in's `state` to the browser that started it (10 minutes). */
export const OIDC_COOKIE = '__Host-steadyline-oidc';

export function sessionCookieOptions(expiresAt: Date): CookieSerializeOptions {
  return { path: '/', httpOnly: true, secure: true, sameSite: 'strict', expires: expiresAt };
}

/** The OpenID state cookie must come back on the provider's redirect (a top-level GET): Lax. */
export function oidcCookieOptions(expiresAt: Date): CookieSerializeOptions {
  return { path: '/', httpOnly: true, secure: true, sameSite: 'lax', expires: expiresAt };
}

export const CLEARED: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
};
