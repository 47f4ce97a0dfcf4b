/**
 * IT's commands (`npm run collector -- <command>`), as a function over an open store so tests
 * run them in-process. Secrets (a team's enrollment code) are printed once, never stored.
 */
import type { Queryable } from '../db/store';
import {
  addLead,
  createTeam,
  findTeam,
  listInstalls,
  listTeams,
  removeLead,
  revokeInstall,
  rotateEnrollmentCode,
} from '../teams';

import { LEAD_PASSWORD_USAGE, setLeadPassword } from './lead-password';

export const USAGE = `Usage: npm run collector -- <command>
  serve                                      start the collector (the default)
  team create <name>                         create a team; prints its enrollment code once
  team list                                  list teams
  team rotate-code <name>                    new enrollment code; the old one stops working
  lead add <username> --team <name> [--name <display name>]
  lead remove <username> --team <name>
${LEAD_PASSWORD_USAGE}
  installs list [--team <name>]              enrolled installs (label, dates, revoked)
  install revoke <install-id>                refuse that install's token from now on`;

export interface CliContext {
  db: Queryable;
  now: Date;
  out: (line: string) => void;
}

export class CliError extends Error {}

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function positional(args: readonly string[], index: number, what: string): string {
  const value = args[index];
  if (!value || value.startsWith('--')) throw new CliError(`Missing ${what}.\n${USAGE}`);
  return value;
}

async function teamNamed(db: Queryable, name: string | undefined): Promise<{ id: string; name: string }> {
  if (!name) throw new CliError('Give the team with --team <name>.');
  const team = await findTeam(db, name);
  if (!team) throw new CliError(`No team named "${name}" (see: team list).`);
  return team;
}

const COMMANDS: Record<string, (args: readonly string[], context: CliContext) => Promise<void>> = {
  'team create': async (args, { db, now, out }) => {
    const team = await createTeam(db, positional(args, 0, 'team name'), now);
    out(`Team "${team.name}" created (${team.id}).`);
    out(`Enrollment code (shown once; give it to the team's agents): ${team.code}`);
  },
  'team list': async (_args, { db, out }) => {
    for (const team of await listTeams(db)) out(`${team.id}  ${team.name}`);
  },
  'team rotate-code': async (args, { db, now, out }) => {
    const team = await teamNamed(db, positional(args, 0, 'team name'));
    out(
      `New enrollment code for "${team.name}" (the old one no longer works): ${await rotateEnrollmentCode(db, team.id, now)}`,
    );
  },
  'lead add': async (args, { db, now, out }) => {
    const username = positional(args, 0, 'lead username');
    const team = await teamNamed(db, option(args, '--team'));
    await addLead(db, { username, displayName: option(args, '--name') ?? username, teamId: team.id, now });
    out(`${username} now leads "${team.name}".`);
  },
  'lead remove': async (args, { db, out }) => {
    const username = positional(args, 0, 'lead username');
    const team = await teamNamed(db, option(args, '--team'));
    const removed = await removeLead(db, username, team.id);
    out(removed ? `${username} no longer leads "${team.name}".` : `${username} did not lead "${team.name}".`);
  },
  'lead set-password': setLeadPassword,
  'installs list': async (args, { db, out }) => {
    const name = option(args, '--team');
    const team = name ? await teamNamed(db, name) : undefined;
    for (const install of await listInstalls(db, team?.id)) {
      const state = install.revokedAt ? `revoked ${install.revokedAt}` : 'active';
      out(`${install.id}  ${install.team}  ${install.label}  enrolled ${install.enrolledAt}  ${state}`);
    }
  },
  'install revoke': async (args, { db, now, out }) => {
    const id = positional(args, 0, 'install id');
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw new CliError(`"${id}" is not an install id (see: installs list).`);
    out((await revokeInstall(db, id, now)) ? `Install ${id} revoked.` : `No active install ${id}.`);
  },
};

/** True when argv names one of IT's commands (anything else starts the server). */
export function isCliCommand(argv: readonly string[]): boolean {
  return `${argv[0]} ${argv[1]}` in COMMANDS;
}

export async function runCli(argv: readonly string[], context: CliContext): Promise<void> {
  const command = COMMANDS[`${argv[0]} ${argv[1]}`];
  if (!command) throw new CliError(USAGE);
  await command(argv.slice(2), context);
}
