/**
 * `lead set-password`: IT sets a lead's password from standard input; the lead can then sign in,
 * the lead's open sessions end, a lockout clears; a weak password or an unknown lead is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from '../../../collector/src/cli/commands';
import { setLeadPassword } from '../../../collector/src/cli/lead-password';
import { addLead } from '../../../collector/src/teams';
import { startTestCollector, type TestCollector } from '../support/harness';
import { leadClient } from './support';

const NEW_PASSWORD = 'a long new password for omar';

describe('lead set-password (collector CLI) on postgres', () => {
  let collector: TestCollector;
  let out: string[];
  const context = (secret: string) => ({
    db: collector.store.db,
    now: new Date(collector.clock.now()),
    out: (line: string) => out.push(line),
    readSecret: async () => secret,
  });
  beforeEach(async () => {
    collector = await startTestCollector('postgres');
    out = [];
    await addLead(collector.store.db, {
      username: 'omar',
      displayName: 'Omar',
      teamId: collector.team.id,
      now: new Date(),
    });
  });
  afterEach(() => collector.close());

  it('sets a password the lead can sign in with, ending open sessions and clearing a lockout', async () => {
    const omar = leadClient(collector);
    expect((await omar.signIn('omar', NEW_PASSWORD)).status).toBe(401);
    await setLeadPassword(['omar'], context(NEW_PASSWORD));
    expect(out.at(-1)).toBe('Password set for omar; their open sessions were ended.');
    expect((await omar.signIn('omar', NEW_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i += 1) await leadClient(collector).signIn('omar', `wrong ${i}`);
    expect((await leadClient(collector).signIn('omar', NEW_PASSWORD)).status).toBe(429);
    await setLeadPassword(['omar'], context(`${NEW_PASSWORD} again`));
    expect((await omar.request('GET', '/api/dashboard/v1/session')).status).toBe(401);
    expect((await leadClient(collector).signIn('omar', `${NEW_PASSWORD} again`)).status).toBe(200);
    const { rows } = await collector.store.db.query<{ hash: string }>('SELECT hash FROM lead_passwords');
    expect(rows[0]?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(JSON.stringify(out)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a weak password and an unknown lead, and is listed in the usage', async () => {
    await expect(setLeadPassword(['omar'], context('short'))).rejects.toThrow('at least 12 characters');
    await expect(setLeadPassword(['nobody'], context(NEW_PASSWORD))).rejects.toThrow('No lead "nobody"');
    await expect(setLeadPassword([], context(NEW_PASSWORD))).rejects.toThrow('Missing lead username');
    await expect(runCli(['lead', 'set-pass'], context(NEW_PASSWORD))).rejects.toThrow(
      'lead set-password <username>',
    );
    const { rows } = await collector.store.db.query('SELECT 1 FROM lead_passwords');
    expect(rows).toEqual([]);
  });
});
