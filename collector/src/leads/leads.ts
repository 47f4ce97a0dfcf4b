/**
 * Leads as the dashboard sees them: who a login is, which teams they lead, their password.
 * The leads and lead_teams tables belong to the collector's core (migration 001); the password
 * and OIDC subject tables to the dashboard (migration 005).
 */
import type { Queryable } from '../db/store';

export interface Lead {
  id: string;
  username: string;
  displayName: string;
}

interface LeadRow {
  id: string;
  username: string;
  display_name: string;
}

const toLead = (row: LeadRow): Lead => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
});

export async function findLeadByUsername(db: Queryable, username: string): Promise<Lead | null> {
  const { rows } = await db.query<LeadRow>(
    'SELECT id, username, display_name FROM leads WHERE username = $1',
    [username.trim().toLowerCase()],
  );
  return rows[0] ? toLead(rows[0]) : null;
}

export async function findLeadById(db: Queryable, id: string): Promise<Lead | null> {
  const { rows } = await db.query<LeadRow>('SELECT id, username, display_name FROM leads WHERE id = $1', [
    id,
  ]);
  return rows[0] ? toLead(rows[0]) : null;
}

export interface LeadTeam {
  id: string;
  name: string;
}

/** The teams a lead leads, by name. */
export async function leadTeams(db: Queryable, leadId: string): Promise<LeadTeam[]> {
  const { rows } = await db.query<LeadTeam>(
    `SELECT t.id, t.name FROM lead_teams lt JOIN teams t ON t.id = lt.team_id
      WHERE lt.lead_id = $1 ORDER BY t.name`,
    [leadId],
  );
  return rows;
}

/** True only when the lead leads this team (a team id is checked before anything is read). */
export async function leadsTeam(db: Queryable, leadId: string, teamId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM lead_teams WHERE lead_id = $1 AND team_id = $2', [
    leadId,
    teamId,
  ]);
  return rows.length > 0;
}

export async function passwordHash(db: Queryable, leadId: string): Promise<string | null> {
  const { rows } = await db.query<{ hash: string }>('SELECT hash FROM lead_passwords WHERE lead_id = $1', [
    leadId,
  ]);
  return rows[0]?.hash ?? null;
}

export async function setPasswordHash(db: Queryable, leadId: string, hash: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO lead_passwords (lead_id, hash, set_at) VALUES ($1, $2, $3)
     ON CONFLICT (lead_id) DO UPDATE SET hash = EXCLUDED.hash, set_at = EXCLUDED.set_at`,
    [leadId, hash, now],
  );
}

/** The lead an OpenID subject was linked to, if any. */
export async function leadForSubject(db: Queryable, issuer: string, subject: string): Promise<string | null> {
  const { rows } = await db.query<{ lead_id: string }>(
    'SELECT lead_id FROM lead_oidc_subjects WHERE issuer = $1 AND subject = $2',
    [issuer, subject],
  );
  return rows[0]?.lead_id ?? null;
}

export async function linkSubject(db: Queryable, issuer: string, subject: string, leadId: string, now: Date) {
  await db.query(
    `INSERT INTO lead_oidc_subjects (issuer, subject, lead_id, linked_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (issuer, subject) DO NOTHING`,
    [issuer, subject, leadId, now],
  );
}
