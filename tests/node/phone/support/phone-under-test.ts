/**
 * Steadyline's real phone service with real settings files, pointed at the test bed, plus a
 * recorder of every registration state it publishes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { WebSocket } from 'ws';

import type Database from 'better-sqlite3';

import type { AccountInput, CallState, RegistrationState } from '../../../../preload/contract';
import { createEventHub } from '../../../../main/kernel/event-hub';
import { silentLogger, type Logger } from '../../../../main/logging/logger';
import { openJournal } from '../../../../main/journal/open-journal';
import {
  createPhoneService,
  type PhoneService,
  type PhoneServiceDeps,
} from '../../../../main/phone/phone-service';
import { SdpOnlyMediaEngine } from '../../../../main/phone/sdp-only-media-engine';
import { createConfStore } from '../../../../main/settings/conf-store';
import { createSecretStore } from '../../../../main/settings/secret-store';
import { createSettingsService, type SettingsService } from '../../../../main/settings/settings-service';
import { TestOnlyCipher } from '../../../../main/devtools/test-only-cipher';

export interface PhoneUnderTest {
  /** The phone's data folder (settings, secrets, journal). */
  dir: string;
  phone: PhoneService;
  settings: SettingsService;
  journal: Database.Database;
  media: SdpOnlyMediaEngine;
  states: RegistrationState[];
  calls: CallState[];
  /** Resolves with the first published call state (past or future) that matches. */
  waitForCall(match: (call: CallState) => boolean, timeoutMs?: number): Promise<CallState>;
  /** Resolves when the phone publishes a state matching `state`, or fails after `timeoutMs`. */
  waitFor(state: RegistrationState['state'], timeoutMs?: number): Promise<RegistrationState>;
}

export function startPhone(
  account: AccountInput | null,
  logger: Logger = silentLogger(),
  options: Pick<
    PhoneServiceDeps,
    | 'dtmfMethod'
    | 'unavailableStatus'
    | 'keepAlive'
    | 'registerExpiresSeconds'
    | 'networkFingerprint'
    | 'webSocket'
    | 'trust'
    | 'sipTrace'
    | 'clock'
  > = {},
): PhoneUnderTest {
  const dir = mkdtempSync(join(tmpdir(), 'steadyline-phone-'));
  const settings = createSettingsService({
    opened: createConfStore({ cwd: dir }),
    secrets: createSecretStore({ file: join(dir, 'secrets.json'), cipher: new TestOnlyCipher(), logger }),
    logger,
  });
  if (account) settings.saveAccount(account);
  const events = createEventHub(logger);
  const states: RegistrationState[] = [];
  const calls: CallState[] = [];
  const callWaiters = new Set<() => void>();
  const waiters = new Set<(state: RegistrationState) => void>();
  events.subscribe((event, payload) => {
    if (event === 'phone:call') {
      calls.push(payload as CallState);
      for (const waiter of callWaiters) waiter();
    }
    if (event !== 'phone:registration') return;
    const state = payload as RegistrationState;
    states.push(state);
    for (const waiter of waiters) waiter(state);
  });
  const journal = openJournal({ file: join(dir, 'journal.sqlite3'), logger });
  const media = new SdpOnlyMediaEngine();
  const phone = createPhoneService({
    settings,
    journal: journal.db,
    events,
    logger,
    media,
    webSocket: WebSocket,
    ...options,
  });
  return {
    dir,
    phone,
    settings,
    journal: journal.db,
    media,
    states,
    calls,
    waitForCall(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = calls.find(match);
          if (!found) return;
          clearTimeout(timer);
          callWaiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          callWaiters.delete(check);
          reject(new Error(`no matching call state within ${timeoutMs} ms; saw ${JSON.stringify(calls)}`));
        }, timeoutMs);
        callWaiters.add(check);
        check();
      });
    },
    waitFor(wanted, timeoutMs = 10_000) {
      const current = phone.registration();
      if (current.state === wanted) return Promise.resolve(current);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${wanted}" within ${timeoutMs} ms; states: ${JSON.stringify(states)}`));
        }, timeoutMs);
        const check = (state: RegistrationState) => {
          if (state.state !== wanted) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(state);
        };
        waiters.add(check);
      });
    },
  };
}
