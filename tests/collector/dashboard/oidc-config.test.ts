/**
 * OIDC settings and lead matching: the environment's settings validated (https, or http only on
 * loopback; bad JSON refused), and the explicit subject mapping beating the username claim.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { OidcConfig, oidcFromEnv } from '../../../collector/src/auth/oidc-config';
import { leadForClaims } from '../../../collector/src/auth/oidc-leads';
import { addLead } from '../../../collector/src/teams';
import { startTestCollector, type TestCollector } from '../support/harness';

const BASE = {
  COLLECTOR_OIDC_ISSUER: 'https://login.example.org/realms/center',
  COLLECTOR_OIDC_CLIENT_ID: 'steadyline',
  COLLECTOR_OIDC_REDIRECT_URI: 'https://collector.example.org/api/dashboard/v1/oidc/callback',
};

describe('OIDC settings from the environment', () => {
  it('is off without an issuer and reads every setting with one', () => {
    expect(oidcFromEnv({})).toEqual({});
    const { oidc } = oidcFromEnv({
      ...BASE,
      COLLECTOR_OIDC_TEAMS_CLAIM: 'groups',
      COLLECTOR_OIDC_SUBJECTS: '{"00u1":"ana.levi"}',
    });
    expect(oidc).toMatchObject({
      teamsClaim: 'groups',
      usernameClaim: 'preferred_username',
      subjects: { '00u1': 'ana.levi' },
    });
  });

  it('refuses plain http beyond loopback, a missing client id and malformed mappings', () => {
    expect(() => oidcFromEnv({ ...BASE, COLLECTOR_OIDC_ISSUER: 'http://login.example.org' })).toThrow(
      'https',
    );
    expect(() =>
      oidcFromEnv({ ...BASE, COLLECTOR_OIDC_REDIRECT_URI: 'http://collector.example.org/cb' }),
    ).toThrow('https');
    expect(() => oidcFromEnv({ ...BASE, COLLECTOR_OIDC_CLIENT_ID: '' })).toThrow();
    expect(() => oidcFromEnv({ ...BASE, COLLECTOR_OIDC_SUBJECTS: '{not json' })).toThrow();
    expect(() => oidcFromEnv({ ...BASE, COLLECTOR_OIDC_SUBJECTS: '{"a":1}' })).toThrow();
    expect(() => oidcFromEnv({ ...BASE, COLLECTOR_OIDC_ISSUER: 'javascript:alert(1)' })).toThrow();
    expect(oidcFromEnv({ ...BASE, COLLECTOR_OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidc?.issuer).toBe(
      'http://127.0.0.1:8080',
    );
  });
});

describe('which lead an OpenID sign-in is (PGlite)', () => {
  let collector: TestCollector;
  beforeEach(async () => {
    collector = await startTestCollector('pglite');
  });
  afterEach(() => collector.close());

  it('follows the explicit subject mapping over the username claim, then remembers the subject', async () => {
    const now = new Date(collector.clock.now());
    const omar = await addLead(collector.store.db, {
      username: 'omar',
      displayName: 'Omar',
      teamId: collector.team.id,
      now,
    });
    await addLead(collector.store.db, {
      username: 'impostor',
      displayName: 'I',
      teamId: collector.team.id,
      now,
    });
    const config = OidcConfig.parse({
      issuer: BASE.COLLECTOR_OIDC_ISSUER,
      clientId: 'c',
      redirectUri: BASE.COLLECTOR_OIDC_REDIRECT_URI,
      subjects: { 'sub-1': 'omar' },
    });
    const issuer = 'https://login.example.org/realms/center';
    expect(
      await leadForClaims(
        collector.store.db,
        config,
        issuer,
        { sub: 'sub-1', preferred_username: 'impostor' },
        now,
      ),
    ).toBe(omar);
    const unmapped = OidcConfig.parse({
      issuer,
      clientId: 'c',
      redirectUri: BASE.COLLECTOR_OIDC_REDIRECT_URI,
    });
    expect(await leadForClaims(collector.store.db, unmapped, issuer, { sub: 'sub-1' }, now)).toBe(omar);
    expect(
      await leadForClaims(
        collector.store.db,
        unmapped,
        issuer,
        { sub: 'sub-2', preferred_username: 'stranger' },
        now,
      ),
    ).toBeNull();
    expect(
      await leadForClaims(collector.store.db, unmapped, issuer, { preferred_username: 'omar' }, now),
    ).toBeNull();
    expect(
      await leadForClaims(collector.store.db, unmapped, 'https://other.example', { sub: 'sub-1' }, now),
    ).toBeNull();
  });
});
