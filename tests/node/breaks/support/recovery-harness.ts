/**
 * The recovery service on real parts (a journal file, the settings file with IT's policy written
 * into it, the event hub) with time from a FakeClock. The phone is a named double that records the
 * availability it is given: the real phone's 480 refusals are tested against Kamailio and in e2e.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Availability, CallState, RecoveryPolicy, RecoveryState } from '../../../../preload/contract';
import { createRecoveryService, type RecoveryService } from '../../../../main/breaks/recovery-service';
import { createEventHub, type EventHub } from '../../../../main/kernel/event-hub';
import { insertCall } from '../../../../main/journal/calls';
import { openJournal, type OpenedJournal } from '../../../../main/journal/open-journal';
import { silentLogger } from '../../../../main/logging/logger';
import { createConfStore } from '../../../../main/settings/conf-store';
import { DEFAULT_RECOVERY_POLICY } from '../../../../main/settings/recovery-settings';
import { createSecretStore } from '../../../../main/settings/secret-store';
import { createSettingsService } from '../../../../main/settings/settings-service';
import { FakeClock } from '../../../support/fake-clock';
import { TestOnlyCipher } from '../../../../main/devtools/test-only-cipher';

/** TEST DOUBLE for the phone service's availability gate: records what it was told. */
export class RecordingPhoneAvailability {
  readonly calls: Array<{ availability: Availability; retryAfterSeconds?: number }> = [];
  setAvailability = (availability: Availability, retryAfterSeconds?: number): Availability => {
    this.calls.push({ availability, retryAfterSeconds });
    return availability;
  };
  get last() {
    return this.calls.at(-1);
  }
}

export interface Harness {
  dataDir: string;
  clock: FakeClock;
  journal: OpenedJournal;
  events: EventHub;
  phone: RecordingPhoneAvailability;
  recovery: RecoveryService;
  states: RecoveryState[];
  /** A call comes in and is answered (journaled as the call book does). */
  connect(handle: string): CallState;
  hangUp(call: CallState): void;
  /** Stops this run and starts another on the same files (the app restarted), `afterMs` later. */
  restart(afterMs: number): Harness;
}

export function policyWith(overrides: Partial<RecoveryPolicy> = {}): RecoveryPolicy {
  return { ...DEFAULT_RECOVERY_POLICY, ...overrides };
}

export function startHarness(
  policy: RecoveryPolicy = policyWith(),
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-breaks-')),
  clock = new FakeClock(),
  fetchImpl?: typeof fetch,
): Harness {
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({ settingsVersion: 2, account: null, language: 'en', recoveryPolicy: policy }),
  );
  const logger = silentLogger();
  const journal = openJournal({ file: join(dataDir, 'journal.sqlite3'), logger });
  const settings = createSettingsService({
    opened: createConfStore({ cwd: dataDir }),
    secrets: createSecretStore({ file: join(dataDir, 'secrets.json'), cipher: new TestOnlyCipher(), logger }),
    logger,
  });
  const events = createEventHub(logger);
  const states: RecoveryState[] = [];
  events.subscribe((event, payload) => {
    if (event === 'breaks:state') states.push(payload as RecoveryState);
  });
  const phone = new RecordingPhoneAvailability();
  const recovery = createRecoveryService({
    journal: journal.db,
    events,
    phone,
    settings,
    clock,
    logger,
    fetch: fetchImpl,
  });

  const publishCall = (call: CallState) => events.publish('phone:call', call);
  return {
    dataDir,
    clock,
    journal,
    events,
    phone,
    recovery,
    states,
    connect(handle) {
      const startedAt = clock.now();
      const remote = { uri: 'sip:0501234567@127.0.0.1', displayName: 'Noa Cohen' };
      const journalId = insertCall(journal.db, {
        direction: 'inbound',
        remoteUri: remote.uri,
        remoteDisplayName: remote.displayName,
        sipCallId: handle,
        startedAt,
      });
      const call: CallState = {
        id: `${handle}tag`,
        journalId,
        direction: 'inbound',
        state: 'active',
        remote,
        startedAt,
        answeredAt: startedAt,
        heldByMe: false,
        heldByRemote: false,
        waiting: false,
        endReason: null,
      };
      publishCall(call);
      return call;
    },
    hangUp(call) {
      publishCall({ ...call, state: 'ended', endReason: 'remote-hangup' });
    },
    restart(afterMs) {
      recovery.close();
      journal.close();
      const later = new FakeClock(clock.now() + afterMs);
      return startHarness(policy, dataDir, later, fetchImpl);
    },
  };
}

/** The running break of a state; fails the test when there is none. */
export function activeOf(state: Pick<RecoveryState, 'active'>): NonNullable<RecoveryState['active']> {
  if (!state.active) throw new Error('expected a break to be running');
  return state.active;
}

/** The reflection on offer; fails the test when there is none. */
export function reflectionOf(state: RecoveryState): NonNullable<RecoveryState['reflection']> {
  if (!state.reflection) throw new Error('expected a reflection to be offered');
  return state.reflection;
}
