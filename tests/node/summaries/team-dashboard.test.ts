/**
 * The lead role: IT's TeamDashboardUrl (a real policy file) makes the app offer the team
 * dashboard, and opening it hands exactly that address to the shell's browser opener (a named
 * double: Electron's shell.openExternal cannot run here). The window never names the address.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../../main/core/create-core';
import { silentLogger } from '../../../main/logging/logger';
import { createFileSource } from '../../../main/policy/file-source';
import { createPolicyService, type PolicyService } from '../../../main/policy/policy-service';
import { createTestCore } from '../../support/test-core';

const DASHBOARD = 'https://summaries.example.internal/dashboard/';
let dir = '';
let core: Core | null = null;
let policy: PolicyService | null = null;

afterEach(async () => {
  await core?.close();
  policy?.close();
  core = null;
  policy = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start(document: Record<string, unknown>, withBrowser = true) {
  dir = mkdtempSync(join(tmpdir(), 'team-dashboard-'));
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify(document));
  policy = await createPolicyService({
    sources: [createFileSource(file, silentLogger())],
    context: { username: 'dana', env: {} },
    logger: silentLogger(),
  });
  const opened: string[] = [];
  core = createTestCore(join(dir, 'data'), undefined, {
    policy,
    ...(withBrowser ? { openExternal: (url: string) => opened.push(url) } : {}),
  });
  return { core, opened };
}

const teamDashboardOffered = async (app: Core) => {
  const result = await app.router.handle('summaries:get', undefined);
  return result.ok && (result.value as { policy: { teamDashboard: boolean } }).policy.teamDashboard;
};

describe('the team dashboard entry (lead role)', () => {
  it('is offered to a lead and opens IT’s address in the browser', async () => {
    const { core: app, opened } = await start({ TeamDashboardUrl: DASHBOARD });
    expect(await teamDashboardOffered(app)).toBe(true);
    expect(await app.router.handle('summaries:openTeamDashboard', undefined)).toEqual({
      ok: true,
      value: null,
    });
    expect(opened).toEqual([DASHBOARD]);
  });

  it('is not offered to an agent, and opening it anyway opens nothing', async () => {
    const { core: app, opened } = await start({});
    expect(await teamDashboardOffered(app)).toBe(false);
    const result = await app.router.handle('summaries:openTeamDashboard', undefined);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not-found', reason: 'summaries.no-team-dashboard' },
    });
    expect(opened).toEqual([]);
  });

  it.each([
    ['plain http', 'http://summaries.example.internal/dashboard/'],
    ['another scheme', 'javascript:alert(1)'],
    ['a file', 'file:///etc/passwd'],
    ['not a string', 42],
    ['too long', `https://example.org/${'a'.repeat(600)}`],
  ])(
    'ignores a TeamDashboardUrl that is %s (a policy problem, no entry, nothing opened)',
    async (_, value) => {
      const { core: app, opened } = await start({ TeamDashboardUrl: value });
      expect(policy?.current().problems.map((problem) => problem.key)).toContain('TeamDashboardUrl');
      expect(await teamDashboardOffered(app)).toBe(false);
      expect((await app.router.handle('summaries:openTeamDashboard', undefined)).ok).toBe(false);
      expect(opened).toEqual([]);
    },
  );

  it('ignores any payload the window sends: the address is always IT’s', async () => {
    const { core: app, opened } = await start({ TeamDashboardUrl: DASHBOARD });
    await app.router.handle('summaries:openTeamDashboard', { url: 'https://evil.example/' } as never);
    expect(opened.every((url) => url === DASHBOARD)).toBe(true);
  });

  it('without a browser (the preview) says where to go instead', async () => {
    const { core: app } = await start({ TeamDashboardUrl: DASHBOARD }, false);
    const result = await app.router.handle('summaries:openTeamDashboard', undefined);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unavailable', reason: 'summaries.browser-unavailable', params: { url: DASHBOARD } },
    });
  });
});
