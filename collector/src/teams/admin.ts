/** IT's administration, behind the CLI: teams, their enrollment codes, leads and installs. */
import { randomUUID } from 'node:crypto';

import type { Queryable } from '../db/store';
import { enrollmentCodeHash, newEnrollmentCode } from '../enrollment/secrets';

export interface Team {
  id: string;
  name: string;
}

async function setCode(db: Queryable, teamId: string, now: Date): Promise<string> {
  const code = newEnrollmentCode();
  await db.query(
    `INSERT INTO enrollment_codes (team_id, code_sha256, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (team_id) DO UPDATE SET code_sha256 = EXCLUDED.code_sha256, created_at = EXCLUDED.created_at`,
    [teamId, enrollmentCodeHash(code), now],
  );
  return code;
}

/** Creates a team and its first enrollment code (shown once: only its hash is kept). */
export async function createTeam(db: Queryable, name: string, now: Date): Promise<Team & { code: string }> {
  const id = randomUUID();
  await db.query('INSERT INTO teams (id, name, created_at) VALUES ($1, $2, $3)', [id, name, now]);
  return { id, name, code: await setCode(db, id, now) };
}

export async function findTeam(db: Queryable, name: string): Promise<Team | null> {
  const { rows } = await db.query<Team>('SELECT id, name FROM teams WHERE name = $1', [name]);
  return rows[0] ?? null;
}

export async function listTeams(db: Queryable): Promise<Team[]> {
  return (await db.query<Team>('SELECT id, name FROM teams ORDER BY name')).rows;
}

/** A new code replaces the old one at once: the old code enrolls nobody any more. */
export async function rotateEnrollmentCode(db: Queryable, teamId: string, now: Date): Promise<string> {
  return setCode(db, teamId, now);
}

/** Adds the lead (or updates the display name) and makes them a lead of the team. */
export async function addLead(
  db: Queryable,
  input: { username: string; displayName: string; teamId: string; now: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO leads (id, username, display_name, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
    [randomUUID(), input.username, input.displayName, input.now],
  );
  const leadId = rows[0]?.id as string;
  await db.query('INSERT INTO lead_teams (lead_id, team_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    leadId,
    input.teamId,
  ]);
  return leadId;
}

/** Removes the lead from the team; returns whether they led it. */
export async function removeLead(db: Queryable, username: string, teamId: string): Promise<boolean> {
  const result = await db.query(
    `DELETE FROM lead_teams WHERE team_id = $2 AND lead_id = (SELECT id FROM leads WHERE username = $1)`,
    [username, teamId],
  );
  return result.rowCount > 0;
}

export interface InstallRow {
  id: string;
  team: string;
  label: string;
  enrolledAt: string;
  revokedAt: string | null;
}

export async function listInstalls(db: Queryable, teamId?: string): Promise<InstallRow[]> {
  const { rows } = await db.query<{
    id: string;
    team: string;
    label: string;
    enrolled_at: Date;
    revoked_at: Date | null;
  }>(
    `SELECT i.id, t.name AS team, i.label, i.enrolled_at, i.revoked_at
       FROM installs i JOIN teams t ON t.id = i.team_id
      WHERE $1::uuid IS NULL OR i.team_id = $1::uuid ORDER BY t.name, i.enrolled_at`,
    [teamId ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    team: row.team,
    label: row.label,
    enrolledAt: new Date(row.enrolled_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  }));
}

/** Revokes an install's token: its requests are refused from now on (its shared weeks stay). */
export async function revokeInstall(db: Queryable, installId: string, now: Date): Promise<boolean> {
  const result = await db.query('UPDATE installs SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
    installId,
    now,
  ]);
  return result.rowCount > 0;
}
