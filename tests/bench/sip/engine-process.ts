/**
 * Steadyline's phone engine alone in a process, for the SIP benchmark: registers on the test
 * bed's Kamailio and answers every call at once (SDP only, no audio), journaling each call as the
 * app does. Prints READY when registered; SIGTERM closes it cleanly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { WebSocket } from 'ws';

import type { CallState } from '../../../preload/contract';
import { createEventHub } from '../../../main/kernel/event-hub';
import { openJournal } from '../../../main/journal/open-journal';
import { createLogger } from '../../../main/logging/logger';
import { createPhoneService } from '../../../main/phone/phone-service';
import { SdpOnlyMediaEngine } from '../../../main/phone/sdp-only-media-engine';
import { createConfStore } from '../../../main/settings/conf-store';
import { createSecretStore } from '../../../main/settings/secret-store';
import { createSettingsService } from '../../../main/settings/settings-service';
import { TestOnlyCipher } from '../../../main/devtools/test-only-cipher';

const [serverUrl = '', sipUser = 'agent', password = ''] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'steadyline-bench-engine-'));
const logger = createLogger({ level: 'error' });
const settings = createSettingsService({
  opened: createConfStore({ cwd: dir }),
  secrets: createSecretStore({ file: join(dir, 'secrets.json'), cipher: new TestOnlyCipher(), logger }),
  logger,
});
settings.saveAccount({
  serverUrl,
  sipUser,
  domain: '127.0.0.1',
  authUser: '',
  password,
  displayName: 'Bench',
});
const journal = openJournal({ file: join(dir, 'journal.sqlite3'), logger });
const events = createEventHub(logger);
const phone = createPhoneService({
  settings,
  journal: journal.db,
  events,
  logger,
  media: new SdpOnlyMediaEngine(),
  webSocket: WebSocket,
});

events.subscribe((event, payload) => {
  if (event === 'phone:registration' && (payload as { state: string }).state === 'registered')
    process.stdout.write('READY\n');
  if (event === 'phone:call' && (payload as CallState).state === 'ringing')
    phone.answer((payload as CallState).id);
});

// The benchmark asks for memory after a full collection. RSS keeps falling for a moment after one
// gc() (pages are released as sweeping finishes, up to 28 MiB here), so collect again, half a second
// apart, until RSS holds still: the figure is then what the engine keeps, not when it was read.
process.on('SIGUSR2', () => void reportSettledMemory());

async function reportSettledMemory() {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  let previous = Infinity;
  for (let round = 0; round < 6 && Math.abs(previous - process.memoryUsage().rss) > 1048576; round += 1) {
    previous = process.memoryUsage().rss;
    gc();
    await sleep(500);
  }
  const { heapUsed, rss } = process.memoryUsage();
  process.stdout.write(
    `MEMORY heapUsed=${(heapUsed / 1048576).toFixed(1)} rss=${(rss / 1048576).toFixed(1)}\n`,
  );
}

process.on('SIGTERM', () => {
  void phone.close().finally(() => {
    journal.close();
    process.exit(0);
  });
});
