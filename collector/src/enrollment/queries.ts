/** Installs: enrolling with a team code and finding the install a bearer token belongs to. */
import { randomUUID } from 'node:crypto';

import type { Queryable } from '../db/store';
import { enrollmentCodeHash, newInstallToken, sha256Hex } from './secrets';

export interface EnrolledInstall {
  installId: string;
  teamId: string;
  teamName: string;
  /** Returned once; only its hash is stored. */
  token: string;
}

export async function enrollInstall(
  db: Queryable,
  input: { code: string; installLabel: string; now: Date },
): Promise<EnrolledInstall | null> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT t.id, t.name FROM enrollment_codes c JOIN teams t ON t.id = c.team_id WHERE c.code_sha256 = $1`,
    [enrollmentCodeHash(input.code)],
  );
  const team = rows[0];
  if (!team) return null;
  const token = newInstallToken();
  const installId = randomUUID();
  await db.query(
    `INSERT INTO installs (id, team_id, label, token_sha256, enrolled_at) VALUES ($1, $2, $3, $4, $5)`,
    [installId, team.id, input.installLabel, sha256Hex(token), input.now],
  );
  return { installId, teamId: team.id, teamName: team.name, token };
}

export interface AuthenticatedInstall {
  installId: string;
  teamId: string;
}

/** The live (not revoked) install holding this token, or null. */
export async function findInstallByToken(db: Queryable, token: string): Promise<AuthenticatedInstall | null> {
  const { rows } = await db.query<{ id: string; team_id: string }>(
    `SELECT id, team_id FROM installs WHERE token_sha256 = $1 AND revoked_at IS NULL`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  return row ? { installId: row.id, teamId: row.team_id } : null;
}
