/**
 * The session cookie: `__Host-` prefixed (the browser then insists on Secure, Path=/ and no
 * Domain, so no subdomain can plant or read it), HttpOnly (no script reads it), SameSite=Strict
 * (never sent on a cross-site request). Browsers treat http://localhost as secure for cookies.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';

export const SESSION_COOKIE = '__Host-steadyline-lead';
/** Binds an OpenID sign-in's `state` to the browser that started it (10 minutes). */
export const OIDC_COOKIE = '__Host-steadyline-oidc';

/**
 * A browser-session cookie (no Expires): the server alone decides when a session ends (idle and
 * absolute timeouts on its clock), so a browser whose clock is off can neither keep a session
 * alive nor lose a live one; closing the browser drops it too.
 */
export const SESSION_COOKIE_OPTIONS: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
};

/** The OpenID state cookie must come back on the provider's redirect (a top-level GET): Lax. */
export function oidcCookieOptions(): CookieSerializeOptions {
  return { path: '/', httpOnly: true, secure: true, sameSite: 'lax', maxAge: 600 };
}

export const CLEARED: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
};
