/**
 * OpenID Connect single sign-on for leads (Entra ID, Okta, Keycloak, ...): the settings IT gives
 * the collector. A lead is found by, in order: an OpenID subject linked before; the explicit
 * `subjects` mapping (subject → lead username); the `usernameClaim` naming a lead IT created.
 * With `teamsClaim`, the claim's values (team names) decide the lead's teams at every sign-in,
 * and a lead the claim names is created on first sign-in.
 */
import { z } from 'zod';

export const OidcConfig = z.strictObject({
  /** The provider's issuer URL (discovery at /.well-known/openid-configuration). https, or http on loopback. */
  issuer: z.url(),
  clientId: z.string().min(1),
  /** A confidential client's secret (client_secret_basic); PKCE (S256) is used in every case. */
  clientSecret: z.string().min(1).optional(),
  /** Registered at the provider: https://<collector>/api/dashboard/v1/oidc/callback */
  redirectUri: z.url(),
  scope: z.string().default('openid profile email'),
  usernameClaim: z.string().default('preferred_username'),
  teamsClaim: z.string().optional(),
  subjects: z.record(z.string(), z.string()).default({}),
});
export type OidcConfig = z.infer<typeof OidcConfig>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** http is accepted only for a provider on this machine (a test or a local proxy), never over a network. */
export function isLoopbackHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname);
}
