/**
 * Composition root of main's services. The Electron shell and the browser preview both call
 * createCore with their own collaborators (electron-store or conf, safeStorage or a named test
 * cipher), so every service runs the same way in the app and in plain Node.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

import { createRecoveryService } from '../breaks/recovery-service';
import { openJournal } from '../journal/open-journal';
import { createRouter, type Router } from '../ipc/router';
import type { Logger } from '../logging/logger';
import type { OpenedStore } from '../settings/key-value-store';
import type { SecretCipher } from '../settings/secret-cipher';
import { createSecretStore } from '../settings/secret-store';
import { createTurnLogins } from '../settings/turn-logins';
import { createSettingsService, type PolicyFeed, type SettingsService } from '../settings/settings-service';
import { createTrustedFetch } from '../trust/trusted-fetch';
import { createDiagnosticsExport, type DiagnosticsDeps } from '../logging/export-diagnostics';
import type { TrustStore } from '../trust/trust-store';
import type { Notice } from '../../preload/contract';
import type { MediaEngine } from '../phone/media-engine';
import { RemoteMediaEngine } from '../phone/remote-media-engine';
import { createPhoneService, type PhoneServiceDeps } from '../phone/phone-service';
import { every, systemClock, type Clock } from '../kernel/clock';
import { createEventHub, type EventHub } from '../kernel/event-hub';
import type { FetchLike } from '../summaries/collector-client';
import { systemTimeZone } from '../summaries/iso-week';
import { createDayService } from '../beyond/day-service';
import { offerCloseAtShiftEnd } from '../beyond/shift-end';
import { createSummariesService } from '../summaries/summaries-service';
import { createWarningRecordings } from '../warnings/recordings';
import { createWarningService } from '../warnings/warning-service';

import { createHandlers } from './handlers';
import { createNoticeBoard } from './notice-board';

export interface CoreDeps {
  dataDir: string;
  /** The settings file, opened by the caller: electron-store in the app, conf in Node. */
  settingsStore: OpenedStore;
  cipher: SecretCipher;
  logger: Logger;
  /** Path of a better-sqlite3 build for this runtime's ABI (Electron in development); default: node_modules'. */
  nativeBinding?: string;
  version: string;
  webSocket?: PhoneServiceDeps['webSocket'];
  /**
   * Where call audio is made: `'renderer'` for the window's WebRTC engine over this core's bridge
   * (the app, the browser preview), or an engine of the caller's (SDP only in SIP tests and benchmarks).
   */
  media: MediaEngine | 'renderer';
  /** Every timer and timestamp in main (default: the system clock; tests pass a fake one). */
  clock?: Clock;
  /** HTTP to the team collector (default: the global fetch; tests may record it). */
  fetch?: FetchLike;
  /** The agent's time zone for their summary weeks (default: the system's). */
  timeZone?: string;
  /** IT's machine-wide policy (main/policy/), laid over the agent's settings; none: no policy. */
  policy?: PolicyFeed;
  /** The CAs wss:// and the queue webhook trust (main/trust/: OS store + IT's); none: Node's defaults. */
  trust?: TrustStore;
  /** What "Export diagnostics" needs from the shell (log files, policy, versions, where to write). */
  diagnostics?: DiagnosticsDeps;
  /** IT's SIP trace (main/logging/sip-trace.ts), when the shell has one. */
  sipTrace?: (content: string) => void;
  /** Quits the app (the closing screen's "Quit"); absent where there is no shell (the preview). */
  quit?: () => void;
  /** Opens an https address in the system browser (the lead's dashboard); absent in the preview. */
  openExternal?: (url: string) => void;
  /** The app's assets/ (the built-in warning recordings); default: the repository's, beside main/. */
  assetsDir?: string;
}

export interface Core {
  router: Router;
  events: EventHub;
  /** The machine woke up (the shell hears it from the OS): check the phone's connection at once. */
  checkConnection(): void;
  /** Language and phone preferences for the shell (hotkeys, tray and notification text). */
  shellSettings: Pick<SettingsService, 'view' | 'phone' | 'onPhoneChange'>;
  /** Tells the agent something the shell found (a hotkey another program holds, say). */
  addNotice(notice: Notice): void;
  close(): Promise<void>;
}

export const JOURNAL_FILE = 'journal.sqlite3';
export const SECRETS_FILE = 'secrets.json';
const JOURNAL_CHECKPOINT_INTERVAL_MS = 5 * 60 * 1000;

export function createCore(deps: CoreDeps): Core {
  const { dataDir, logger } = deps;
  const clock = deps.clock ?? systemClock;
  mkdirSync(dataDir, { recursive: true });
  const events = createEventHub(logger.child({ module: 'events' }));
  const notices = createNoticeBoard(events);
  const journal = openJournal({
    file: join(dataDir, JOURNAL_FILE),
    nativeBinding: deps.nativeBinding,
    logger: logger.child({ module: 'journal' }),
    now: clock.now,
  });
  if (journal.recovered) {
    notices.add({
      id: 'journal-recovered',
      kind: 'journal-recovered',
      severity: 'warning',
      details: { movedTo: journal.recovered.movedTo },
    });
  }
  const secrets = createSecretStore({
    file: join(dataDir, SECRETS_FILE),
    cipher: deps.cipher,
    logger: logger.child({ module: 'secrets' }),
  });
  const settings = createSettingsService({
    opened: deps.settingsStore,
    secrets,
    logger: logger.child({ module: 'settings' }),
    now: clock.now,
    policy: deps.policy,
  });
  for (const notice of settings.notices()) notices.add(notice);
  const { engine: media, windowMedia } = chooseMedia(deps.media, events, clock, logger);
  const phone = createPhoneService({
    settings,
    journal: journal.db,
    media,
    events,
    logger: logger.child({ module: 'phone' }),
    webSocket: deps.webSocket,
    trust: deps.trust,
    sipTrace: deps.sipTrace,
    clock,
  });

  const recovery = createRecoveryService({
    journal: journal.db,
    events,
    phone,
    settings,
    clock,
    logger: logger.child({ module: 'breaks' }),
    fetch: deps.trust && createTrustedFetch(deps.trust),
  });

  const summaries = createSummariesService({
    journal: journal.db,
    settings,
    secrets,
    clock,
    timeZone: deps.timeZone ?? systemTimeZone(),
    fetch: deps.fetch ?? ((url, init) => fetch(url, init)),
    installLabel: hostname(),
    logger: logger.child({ module: 'summaries' }),
    publish: (view) => events.publish('summaries:changed', view),
  });
  summaries.start();

  const policy = deps.policy;
  const policyPath = (key: 'WarningRecording' | 'FinalWarningRecording') => {
    const path = policy?.current().entries[key]?.value;
    return typeof path === 'string' && path !== '' ? path : null;
  };
  const warnings = createWarningService({
    journal: journal.db,
    events,
    player: windowMedia,
    recordings: createWarningRecordings({
      assetsDir: deps.assetsDir ?? join(import.meta.dirname, '../../assets'),
      itFiles: () => ({
        warning: policyPath('WarningRecording'),
        final: policyPath('FinalWarningRecording'),
      }),
    }),
    language: () => settings.view().language,
    hangup: (callId) => phone.hangup(callId),
    mark: (input) => recovery.mark(input),
    clock,
    logger: logger.child({ module: 'warnings' }),
  });

  const handlers = createHandlers({
    version: deps.version,
    dataDir,
    notices,
    settings,
    turnLogins: createTurnLogins({ secrets, iceServerUrls: () => settings.phone().iceServers }),
    journal: journal.db,
    phone,
    windowMedia,
    events,
    recovery,
    summaries,
    warnings,
    day: createDayService({
      journal: journal.db,
      clock,
      timeZone: deps.timeZone ?? systemTimeZone(),
      logger: logger.child({ module: 'day' }),
    }),
    now: clock.now,
    quit: deps.quit,
    openExternal: deps.openExternal,
    exportDiagnostics:
      deps.diagnostics &&
      createDiagnosticsExport({ deps: deps.diagnostics, settings, phone, now: clock.now }),
  });
  const router = createRouter({ handlers, logger: logger.child({ module: 'router' }) });

  const stopShiftEnd = offerCloseAtShiftEnd({
    clock,
    timeZone: deps.timeZone ?? systemTimeZone(),
    shiftEnd: () => {
      const time = policy?.current().entries.ShiftEndTime?.value;
      return typeof time === 'string' ? time : null;
    },
    onPolicyChange: policy && ((listener) => policy.onChange(() => listener())),
    offer: () => events.publish('shell:closeDay', {}),
  });
  const stopCheckpoints = every(clock, JOURNAL_CHECKPOINT_INTERVAL_MS, () => journal.checkpoint(), {
    background: true,
  });

  let closed: Promise<void> | null = null;
  return {
    router,
    events,
    checkConnection: () => phone.checkConnection(),
    shellSettings: settings,
    addNotice: (notice) => notices.add(notice),
    close: () =>
      (closed ??= (async () => {
        stopCheckpoints();
        stopShiftEnd();
        warnings.close();
        recovery.close();
        await summaries.close();
        await phone.close();
        windowMedia?.dispose();
        journal.close();
        logger.info('core closed');
      })()),
  };
}

function chooseMedia(media: CoreDeps['media'], events: EventHub, clock: Clock, logger: Logger) {
  if (media !== 'renderer') return { engine: media, windowMedia: null };
  const windowMedia = new RemoteMediaEngine({
    send: (request) => events.publish('media:request', request),
    clock,
    logger: logger.child({ module: 'media' }),
  });
  return { engine: windowMedia, windowMedia };
}
