/**
 * Steadyline's real phone service with real settings files, pointed at the test bed, plus a
 * recorder of every registration state it publishes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { WebSocket } from 'ws';

import type { AccountInput, RegistrationState } from '../../../../preload/contract';
import { createEventHub } from '../../../../main/core/event-hub';
import { silentLogger, type Logger } from '../../../../main/logging/logger';
import { createPhoneService, type PhoneService } from '../../../../main/phone/phone-service';
import { createConfStore } from '../../../../main/settings/conf-store';
import { createSecretStore } from '../../../../main/settings/secret-store';
import { createSettingsService, type SettingsService } from '../../../../main/settings/settings-service';
import { TestOnlyCipher } from '../../../support/test-only-cipher';

export interface PhoneUnderTest {
  phone: PhoneService;
  settings: SettingsService;
  states: RegistrationState[];
  /** Resolves when the phone publishes a state matching `state`, or fails after `timeoutMs`. */
  waitFor(state: RegistrationState['state'], timeoutMs?: number): Promise<RegistrationState>;
}

export function startPhone(account: AccountInput | null, logger: Logger = silentLogger()): PhoneUnderTest {
  const dir = mkdtempSync(join(tmpdir(), 'steadyline-phone-'));
  const settings = createSettingsService({
    opened: createConfStore({ cwd: dir }),
    secrets: createSecretStore({ file: join(dir, 'secrets.json'), cipher: new TestOnlyCipher(), logger }),
    logger,
  });
  if (account) settings.saveAccount(account);
  const events = createEventHub(logger);
  const states: RegistrationState[] = [];
  const waiters = new Set<(state: RegistrationState) => void>();
  events.subscribe((event, payload) => {
    if (event !== 'phone:registration') return;
    const state = payload as RegistrationState;
    states.push(state);
    for (const waiter of waiters) waiter(state);
  });
  const phone = createPhoneService({ settings, events, logger, webSocket: WebSocket });
  return {
    phone,
    settings,
    states,
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
