/**
 * `npm run collector -- lead set-password <username>`: IT sets (or resets) a lead's local
 * password. The password is read from standard input (typed, or piped from a password manager),
 * never from the command line, where the process list and shell history would keep it. Setting
 * it ends the lead's open sessions and clears a lockout.
 */
import { clearFailures } from '../auth/lockout';
import { hashPassword, WeakPasswordError } from '../auth/passwords';
import type { Queryable } from '../db/store';
import { findLeadByUsername, setPasswordHash } from '../leads/leads';
import { destroyLeadSessions } from '../sessions/sessions';

// commands.ts imports this file too; CliError is only used when a command runs, so the cycle is safe.
import { CliError } from './commands';

export interface PasswordCliContext {
  db: Queryable;
  now: Date;
  out: (line: string) => void;
  /** The new password; by default the first line of standard input. */
  readSecret?: () => Promise<string>;
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

export const LEAD_PASSWORD_USAGE =
  "  lead set-password <username>               set a lead's password (read from standard input)";

export async function setLeadPassword(args: readonly string[], context: PasswordCliContext): Promise<void> {
  const username = args[0];
  if (!username || username.startsWith('--'))
    throw new CliError(`Missing lead username.\n${LEAD_PASSWORD_USAGE}`);
  const lead = await findLeadByUsername(context.db, username);
  if (!lead) throw new CliError(`No lead "${username}" (add one first: lead add ${username} --team <name>).`);
  context.out(`New password for ${lead.username} (at least 12 characters), then Enter:`);
  const password = await (context.readSecret ?? firstLineOfStdin)();
  let hash: string;
  try {
    hash = await hashPassword(password);
  } catch (error) {
    if (error instanceof WeakPasswordError) throw new CliError(error.message);
    throw error;
  }
  await setPasswordHash(context.db, lead.id, hash, context.now);
  await destroyLeadSessions(context.db, lead.id);
  await clearFailures(context.db, lead.username);
  context.out(`Password set for ${lead.username}; their open sessions were ended.`);
}
