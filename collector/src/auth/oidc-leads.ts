/** Which lead an OpenID sign-in is, by the rules in ./oidc-config.ts; null when none. */
import { randomUUID } from 'node:crypto';

import type { Queryable } from '../db/store';
import { findLeadByUsername, leadForSubject, linkSubject } from '../leads/leads';

import type { OidcConfig } from './oidc-config';

export type Claims = Record<string, unknown>;

function stringClaim(claims: Claims, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : null;
}

function teamNames(names: unknown): string[] {
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

async function knownTeams(db: Queryable, names: unknown): Promise<number> {
  const { rows } = await db.query('SELECT id FROM teams WHERE name = ANY($1::text[])', [teamNames(names)]);
  return rows.length;
}

/** Sets the lead's teams to exactly the existing teams the claim names. */
async function syncTeams(db: Queryable, leadId: string, names: unknown): Promise<void> {
  const wanted = teamNames(names);
  await db.query(
    `DELETE FROM lead_teams WHERE lead_id = $1
        AND team_id NOT IN (SELECT id FROM teams WHERE name = ANY($2::text[]))`,
    [leadId, wanted],
  );
  await db.query(
    `INSERT INTO lead_teams (lead_id, team_id) SELECT $1, id FROM teams WHERE name = ANY($2::text[])
     ON CONFLICT DO NOTHING`,
    [leadId, wanted],
  );
}

export async function leadForClaims(
  db: Queryable,
  config: OidcConfig,
  issuer: string,
  claims: Claims,
  now: Date,
): Promise<string | null> {
  const subject = typeof claims.sub === 'string' ? claims.sub : null;
  if (!subject) return null;
  let leadId = await leadForSubject(db, issuer, subject);
  const username = config.subjects[subject] ?? stringClaim(claims, config.usernameClaim);
  if (!leadId && username) leadId = (await findLeadByUsername(db, username))?.id ?? null;
  const claimsTeams = config.teamsClaim ? await knownTeams(db, claims[config.teamsClaim]) : 0;
  // A lead is created from the claims only when they name at least one team of this collector.
  if (!leadId && claimsTeams > 0 && username && /^[a-z0-9._@-]{2,64}$/.test(username)) {
    const name =
      typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : username;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO leads (id, username, display_name, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE SET username = EXCLUDED.username RETURNING id`,
      [randomUUID(), username, name, now],
    );
    leadId = rows[0]?.id ?? null;
  }
  if (!leadId) return null;
  await linkSubject(db, issuer, subject, leadId, now);
  if (config.teamsClaim) await syncTeams(db, leadId, claims[config.teamsClaim]);
  return leadId;
}
