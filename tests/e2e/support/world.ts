/**
 * The e2e world the call tests share: a Kamailio on loopback (with rtpengine when asked), the
 * customer site, Debian Chromium with fake audio devices, the preview (the real core) on its own
 * data folder, the agent's window registered, and the customers' pages. `useWorld` starts it in
 * `beforeAll` and takes it down in `afterAll`, in reverse order. A file's own `beforeAll`, declared
 * after `useWorld`, runs once the world is up.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { DEFAULT_RECOVERY_POLICY } from '../../../main/settings/recovery-settings';
import type { RecoveryPolicy } from '../../../preload/contract';
import { createKamailio, type Kamailio } from '../../node/phone/support/kamailio';

import { MEDIA_FLAGS, openAgent, openCustomer, type Customer } from './agent';
import { launchChromium, type LaunchedBrowser } from './chromium';
import { startCustomerSite, type CustomerSite } from './customer-site';
import { startPreviewProcess, type PreviewProcess } from './preview-process';
import { startRtpengine, type Rtpengine } from './rtpengine';

export interface WorldOptions {
  /** Names the data folder (`steadyline-e2e-<name>-`). */
  name: string;
  /** The agent's SIP user (default 1001). */
  agentUser?: string;
  /** Customers to open, each registered on the Kamailio with their own page. */
  customers?: Array<{ user: string; name: string }>;
  /** Bridge WebRTC to plain RTP through a real rtpengine. */
  rtpengine?: boolean;
  /**
   * The data folder's settings.json, written as given (JSON) before the preview starts, as IT or
   * an earlier session would have left it (for example a short recoveryPolicy). None: the defaults.
   */
  settings?: Record<string, unknown>;
  /** Extra environment for the preview process (over this process's own). */
  previewEnv?: NodeJS.ProcessEnv;
  /** Extra Chromium flags after MEDIA_FLAGS (e.g. `--use-file-for-fake-audio-capture=<wav>`). */
  chromiumArgs?: string[];
}

export interface World {
  kamailio: Kamailio;
  chromium: LaunchedBrowser;
  preview: PreviewProcess;
  /** Started only with `rtpengine: true`. */
  rtpengine: Rtpengine | null;
  agent: Page;
  /** The customer opened for `user` (throws for one the world was not started with). */
  customer(user: string): Customer;
}

/** A settings.json with IT's recovery policy: the defaults but for `policy` (e.g. a short break). */
export function recoveryPolicySettings(policy: Partial<RecoveryPolicy>): Record<string, unknown> {
  const recoveryPolicy = { ...DEFAULT_RECOVERY_POLICY, ...policy };
  return { settingsVersion: 2, account: null, language: 'en', recoveryPolicy };
}

export function useWorld(options: WorldOptions): World {
  const stops: Array<() => unknown> = [];
  const customers = new Map<string, Customer>();
  const world = {
    customer(user: string) {
      const found = customers.get(user);
      if (!found) throw new Error(`the e2e world has no customer ${user}`);
      return found;
    },
  } as World;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), `steadyline-e2e-${options.name}-`));
    stops.push(() => rmSync(dataDir, { recursive: true, force: true }));
    if (options.settings) writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(options.settings));
    world.rtpengine = options.rtpengine ? await startRtpengine() : null;
    const rtpengine = world.rtpengine;
    if (rtpengine) stops.push(() => rtpengine.stop());
    world.kamailio = await createKamailio(rtpengine ? { rtpengineNgPort: rtpengine.ngPort } : {});
    stops.push(() => world.kamailio.stop());
    await world.kamailio.start();
    let site: CustomerSite | null = null;
    if (options.customers?.length) {
      site = await startCustomerSite();
      stops.push(() => site?.close());
    }
    world.chromium = await launchChromium([...MEDIA_FLAGS, ...(options.chromiumArgs ?? [])]);
    stops.push(() => world.chromium.close());
    world.preview = await startPreviewProcess(dataDir, options.previewEnv);
    stops.push(() => world.preview.stop());
    world.agent = await openAgent(world.chromium, world.preview.url, world.kamailio.wsUrl, options.agentUser);
    for (const who of options.customers ?? []) {
      if (site) customers.set(who.user, await openCustomer(world.chromium, site, world.kamailio.wsUrl, who));
    }
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  return world;
}
