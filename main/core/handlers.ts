/**
 * The handler table: each domain's handlers (kept beside their service) joined into one entry per
 * request channel in preload/contract.ts. The router has already validated the request;
 * TypeScript makes the table complete. Only the app's own channels are answered here.
 */
import type Database from 'better-sqlite3';

import { createDayHandlers } from '../beyond/day-handlers';
import type { DayService } from '../beyond/day-service';
import { createRecoveryHandlers } from '../breaks/recovery-handlers';
import type { RecoveryService } from '../breaks/recovery-service';
import type { Handlers } from '../ipc/router';
import { createJournalHandlers } from '../journal/journal-handlers';
import type { EventHub } from '../kernel/event-hub';
import { UserFacingError } from '../kernel/user-facing-error';
import { createPhoneHandlers } from '../phone/phone-handlers';
import type { PhoneService } from '../phone/phone-service';
import type { RemoteMediaEngine } from '../phone/remote-media-engine';
import { createSettingsHandlers } from '../settings/settings-handlers';
import type { SettingsService } from '../settings/settings-service';
import type { TurnLoginService } from '../settings/turn-logins';
import { createSummariesHandlers } from '../summaries/summaries-handlers';
import type { SummariesService } from '../summaries/summaries-service';
import { createWarningHandlers } from '../warnings/warning-handlers';
import type { WarningService } from '../warnings/warning-service';

import type { NoticeBoard } from './notice-board';

export interface HandlerDeps {
  version: string;
  dataDir: string;
  notices: NoticeBoard;
  settings: SettingsService;
  turnLogins: TurnLoginService;
  journal: Database.Database;
  phone: PhoneService;
  /** The window's media engine when the window makes call audio; null when the core uses its own. */
  windowMedia: Pick<RemoteMediaEngine, 'respond'> | null;
  /** Where handlers announce what changed (availability, a call's quality, a deleted entry). */
  events: Pick<EventHub, 'publish'>;
  /** Marks, breaks and reflections; it also decides availability during a break. */
  recovery: RecoveryService;
  /** What the agent chooses to share with their team lead. */
  summaries: SummariesService;
  /** Closing the day: today in one line and the note left in the journal. */
  day: DayService;
  /** The recorded warnings played to abusive callers. */
  warnings: WarningService;
  /** The journal export's timestamp. */
  now: () => number;
  /** Writes the diagnostics zip (main/logging/export-diagnostics.ts); absent where there is no shell. */
  exportDiagnostics?: () => { file: string };
  /** Quits the app; absent where there is no shell. */
  quit?: () => void;
  /** Opens an https address in the system browser; absent where there is no shell. */
  openExternal?: (url: string) => void;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { notices, recovery, events } = deps;
  return {
    'app:info': () => ({ version: deps.version, dataDir: deps.dataDir, notices: notices.list() }),
    'app:dismissNotice': ({ id }) => notices.dismiss(id),
    'app:exportDiagnostics': () => {
      if (!deps.exportDiagnostics) throw new Error('Diagnostics can only be exported from the app.');
      return deps.exportDiagnostics();
    },
    'app:quit': () => {
      if (!deps.quit) {
        throw new UserFacingError('unavailable', 'Only the app can quit; close the preview instead.', {
          reason: 'app.quit-unavailable',
        });
      }
      // After the answer is on its way: the window hears "done" before it closes.
      setImmediate(() => deps.quit?.());
      return null;
    },
    ...createWarningHandlers(deps.warnings),
    ...createSettingsHandlers({
      settings: deps.settings,
      turnLogins: deps.turnLogins,
      addNotice: (notice) => notices.add(notice),
    }),
    ...createPhoneHandlers({
      phone: deps.phone,
      windowMedia: deps.windowMedia,
      chooseAvailability: (availability, retryAfterSeconds) =>
        recovery.chooseAvailability(availability, retryAfterSeconds),
      events,
    }),
    ...createRecoveryHandlers(recovery),
    ...createJournalHandlers({ journal: deps.journal, events, now: deps.now }),
    ...createSummariesHandlers(deps.summaries, deps.openExternal),
    ...createDayHandlers(deps.day),
  };
}
