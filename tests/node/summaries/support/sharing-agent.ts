/**
 * One agent's Steadyline, as far as team summaries go, on a real data folder: the journal file,
 * the settings file (conf), the secret store with the named test cipher, the fake clock, the
 * real fetch and a captured log. `restart()` closes everything and opens it again on the same
 * folder, as quitting and starting the app does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TestOnlyCipher } from '../../../../main/devtools/test-only-cipher';
import { openJournal } from '../../../../main/journal/open-journal';
import { createLogger } from '../../../../main/logging/logger';
import { createConfStore } from '../../../../main/settings/conf-store';
import { DEFAULT_SETTINGS } from '../../../../main/settings/defaults';
import { createSecretStore } from '../../../../main/settings/secret-store';
import { createSettingsService } from '../../../../main/settings/settings-service';
import { createSummariesService, type SummariesService } from '../../../../main/summaries/summaries-service';
import type { SharingView } from '../../../../preload/schemas/summaries';
import { collectingDestination } from '../../../support/collecting-destination';
import { FakeClock } from '../../../support/fake-clock';

import { AGENT_NOW } from './live-collector';

export const ZONE = 'Asia/Jerusalem';

export interface SharingAgent {
  readonly dir: string;
  readonly clock: FakeClock;
  readonly service: SummariesService;
  readonly journal: ReturnType<typeof openJournal>['db'];
  /** Every `summaries` view the service published. */
  readonly published: SharingView[];
  logText(): string;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** `settingsFile`: what IT (or anyone) wrote into settings.json before the first start. */
export function openSharingAgent(options: { settingsFile?: object; dir?: string } = {}): SharingAgent {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'steadyline-sharing-'));
  // Sections over a complete, valid file: as IT writes them before the agent's first start.
  if (options.settingsFile)
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settingsFile }),
    );
  const clock = new FakeClock(AGENT_NOW);
  const logs = collectingDestination();
  const published: SharingView[] = [];
  let parts = open();

  function open() {
    const logger = createLogger({ level: 'debug', destination: logs });
    const journal = openJournal({ file: join(dir, 'journal.sqlite3'), logger });
    const secrets = createSecretStore({
      file: join(dir, 'secrets.json'),
      cipher: new TestOnlyCipher(),
      logger,
    });
    const settings = createSettingsService({ opened: createConfStore({ cwd: dir }), secrets, logger });
    const service = createSummariesService({
      journal: journal.db,
      settings,
      secrets,
      clock,
      timeZone: ZONE,
      fetch: (url, init) => fetch(url, init),
      installLabel: 'agent-pc-07',
      logger,
      publish: (view) => published.push(view),
      random: () => 0.5,
    });
    service.start();
    return { journal, service };
  }

  return {
    dir,
    clock,
    published,
    get service() {
      return parts.service;
    },
    get journal() {
      return parts.journal.db;
    },
    logText: () => logs.text(),
    async restart() {
      await parts.service.close();
      parts.journal.close();
      parts = open();
    },
    async close() {
      await parts.service.close();
      parts.journal.close();
    },
  };
}
