/**
 * IT's CLI on both stores (in-process over the same store the server uses), and once through
 * the real entry point: create a team (the code printed once enrolls), rotate its code, add and
 * remove a lead, list and revoke installs; bad arguments are refused with the usage.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CliError, runCli } from '../../collector/src/cli/commands';
import { startTestCollector, type TestCollector } from './support/harness';
import { STORE_KINDS } from './support/stores';

describe.each(STORE_KINDS)('collector CLI on %s', (kind) => {
  let collector: TestCollector;
  let lines: string[];
  const cli = (...argv: string[]) =>
    runCli(argv, { db: collector.db, now: new Date(), out: (line) => lines.push(line) });
  beforeEach(async () => {
    collector = await startTestCollector(kind);
    lines = [];
  });
  afterEach(() => collector.close());

  it('creates a team whose printed code enrolls; rotating the code retires the old one', async () => {
    await cli('team', 'create', 'Night shift');
    const code = /Enrollment code .*: (\S+)$/.exec(lines.join('\n'))?.[1] ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    await expect(collector.enroll({ code })).resolves.toHaveProperty('token');
    await cli('team', 'rotate-code', 'Night shift');
    const fresh = /no longer works\): (\S+)$/.exec(lines.at(-1) ?? '')?.[1] ?? '';
    await expect(collector.enroll({ code })).rejects.toThrow(/403/);
    await expect(collector.enroll({ code: fresh })).resolves.toHaveProperty('token');
    lines = [];
    await cli('team', 'list');
    expect(lines.some((line) => line.endsWith('  Night shift'))).toBe(true);
  });

  it('adds and removes a lead of a team', async () => {
    await cli('lead', 'add', 'ana.l', '--team', collector.team.name, '--name', 'Ana Levi');
    const { rows } = await collector.db.query(
      'SELECT l.username, l.display_name FROM leads l JOIN lead_teams t ON t.lead_id = l.id WHERE t.team_id = $1',
      [collector.team.id],
    );
    expect(rows).toEqual([{ username: 'ana.l', display_name: 'Ana Levi' }]);
    await cli('lead', 'remove', 'ana.l', '--team', collector.team.name);
    await cli('lead', 'remove', 'ana.l', '--team', collector.team.name);
    expect(lines.slice(-2)).toEqual([
      `ana.l no longer leads "${collector.team.name}".`,
      `ana.l did not lead "${collector.team.name}".`,
    ]);
  });

  it('lists installs and revokes one: its token is refused from then on', async () => {
    const { token, installId } = await collector.enroll(undefined, 'DESK-12');
    await cli('installs', 'list', '--team', collector.team.name);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${installId}  .*  DESK-12  enrolled .*  active$`)),
    ]);
    await cli('install', 'revoke', installId);
    expect(lines.at(-1)).toBe(`Install ${installId} revoked.`);
    expect((await collector.call('GET', '/api/v1/weeks', token)).status).toBe(401);
    await cli('installs', 'list');
    expect(lines.at(-1)).toMatch(/DESK-12 {2}enrolled .* {2}revoked /);
  });

  it('refuses unknown commands, missing arguments, unknown teams and malformed ids', async () => {
    await expect(cli('team', 'drop', 'x')).rejects.toThrow(CliError);
    await expect(cli('team', 'create')).rejects.toThrow(/Missing team name/);
    await expect(cli('lead', 'add', 'bob', '--team', 'Nope')).rejects.toThrow(/No team named "Nope"/);
    await expect(cli('lead', 'add', 'bob')).rejects.toThrow(/--team/);
    await expect(cli('install', 'revoke', "1' OR '1'='1")).rejects.toThrow(/not an install id/);
    await expect(cli('team', 'create', collector.team.name)).rejects.toThrow();
  });
});

describe('the real entry point', () => {
  it(
    'npm run collector -- team create prints a code; a bad command exits 2 with the usage',
    { timeout: 180_000 },
    async () => {
      const run = promisify(execFile);
      const server = resolve(import.meta.dirname, '../../collector/src/server.ts');
      const env = {
        ...process.env,
        COLLECTOR_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'collector-cli-')), 'data'),
      };
      const created = await run(process.execPath, ['--import', 'tsx', server, 'team', 'create', 'Blue'], {
        env,
      });
      expect(created.stdout).toMatch(/Team "Blue" created .*\nEnrollment code .*: [A-Z2-9-]{19}\n/);
      const listed = await run(process.execPath, ['--import', 'tsx', server, 'team', 'list'], { env });
      expect(listed.stdout).toMatch(/ {2}Blue\n$/);
      const bad = await run(process.execPath, ['--import', 'tsx', server, 'team', 'explode'], { env }).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run collector') });
    },
  );
});
