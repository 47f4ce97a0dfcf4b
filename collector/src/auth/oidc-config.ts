/**
 * OpenID Connect single sign-on for leads (Entra ID, Okta, Keycloak, ...): the settings IT gives
 * the collector. A lead is found by, in order: an OpenID subject linked before; the explicit
 * `subjects` mapping (subject → lead username); the `usernameClaim` naming a lead IT created.
 * With `teamsClaim`, the claim's values (team names) decide the lead's teams at every sign-in,
 * and a lead the claim names is created on first sign-in.
 */
import { z } from 'zod';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** http is accepted only for a provider on this machine (a test or a local proxy), never over a network. */
export function isLoopbackHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname);
}

const secureUrl = z
  .url()
  .refine(
    (url) => url.startsWith('https://') || isLoopbackHttp(url),
    'must be https (http only on loopback)',
  );

export const OidcConfig = z.strictObject({
  /** The provider's issuer URL (discovery at /.well-known/openid-configuration). https, or http on loopback. */
  issuer: secureUrl,
  clientId: z.string().min(1),
  /** A confidential client's secret (client_secret_basic); PKCE (S256) is used in every case. */
  clientSecret: z.string().min(1).optional(),
  /** Registered at the provider: https://<collector>/api/dashboard/v1/oidc/callback */
  redirectUri: secureUrl,
  scope: z.string().default('openid profile email'),
  usernameClaim: z.string().default('preferred_username'),
  teamsClaim: z.string().optional(),
  subjects: z.record(z.string(), z.string()).default({}),
});
export type OidcConfig = z.infer<typeof OidcConfig>;

/** The OIDC settings from the collector's environment (docs/collector.md); `{}` when unset. */
export function oidcFromEnv(env: NodeJS.ProcessEnv): { oidc?: OidcConfig } {
  if (!env.COLLECTOR_OIDC_ISSUER) return {};
  const subjects = env.COLLECTOR_OIDC_SUBJECTS
    ? (JSON.parse(env.COLLECTOR_OIDC_SUBJECTS) as unknown)
    : undefined;
  const defined = (entries: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== ''));
  return {
    oidc: OidcConfig.parse(
      defined({
        issuer: env.COLLECTOR_OIDC_ISSUER,
        clientId: env.COLLECTOR_OIDC_CLIENT_ID,
        clientSecret: env.COLLECTOR_OIDC_CLIENT_SECRET,
        redirectUri: env.COLLECTOR_OIDC_REDIRECT_URI,
        scope: env.COLLECTOR_OIDC_SCOPE,
        usernameClaim: env.COLLECTOR_OIDC_USERNAME_CLAIM,
        teamsClaim: env.COLLECTOR_OIDC_TEAMS_CLAIM,
        subjects,
      }),
    ),
  };
}
