/**
 * The handler table: one entry per request channel in preload/contract.ts, each a thin call into
 * a service. The router has already validated the request; TypeScript makes the table complete.
 */
import type Database from 'better-sqlite3';

import { createRecoveryHandlers } from '../breaks/recovery-handlers';
import type { RecoveryService } from '../breaks/recovery-service';
import { UserFacingError } from '../ipc/user-facing-error';
import { saveCallQuality, withQuality } from '../journal/call-quality';
import { listCalls } from '../journal/calls';
import type { Handlers } from '../ipc/router';
import type { PhoneService } from '../phone/phone-service';
import type { RemoteMediaEngine } from '../phone/remote-media-engine';
import type { SettingsService } from '../settings/settings-service';

import type { EventHub } from './event-hub';
import type { NoticeBoard } from './notice-board';

export interface HandlerDeps {
  version: string;
  dataDir: string;
  notices: NoticeBoard;
  settings: SettingsService;
  journal: Database.Database;
  phone: PhoneService;
  /** The window's media engine when the window makes call audio; null when the core uses its own. */
  windowMedia: Pick<RemoteMediaEngine, 'respond'> | null;
  /** Where handlers announce what changed (availability, a call's quality); optional for tests. */
  events?: Pick<EventHub, 'publish'>;
  /** Marks, breaks, reflections and the journal view. */
  recovery: RecoveryService;
}

export function createHandlers({
  version,
  dataDir,
  notices,
  settings,
  journal,
  phone,
  windowMedia,
  events,
  recovery,
}: HandlerDeps): Handlers {
  return {
    ...createRecoveryHandlers({
      recovery,
      journal,
      events: events ?? { publish: () => undefined },
      now: Date.now,
    }),
    'app:info': () => ({ version, dataDir, notices: notices.list() }),
    'app:dismissNotice': ({ id }) => notices.dismiss(id),
    'settings:get': () => settings.view(),
    'settings:saveAccount': (account) => {
      const view = settings.saveAccount(account);
      // Saving can raise a notice (a password kept only for this session): show it now.
      for (const notice of settings.notices()) notices.add(notice);
      return view;
    },
    'settings:clearAccount': () => settings.clearAccount(),
    'settings:setLanguage': ({ language }) => settings.setLanguage(language),
    'phone:getRegistration': () => phone.registration(),
    'phone:dial': ({ target }) => phone.dial(target),
    'phone:answer': ({ callId }) => phone.answer(callId),
    'phone:decline': ({ callId, busy }) => phone.decline(callId, busy),
    'phone:hangup': ({ callId }) => phone.hangup(callId),
    'phone:hold': ({ callId, hold }) => phone.hold(callId, hold),
    'phone:sendDtmf': ({ callId, tones }) => phone.sendDtmf(callId, tones),
    'phone:transferBlind': ({ callId, target }) => phone.transferBlind(callId, target).then(() => null),
    'phone:transferAttended': ({ callId, consultCallId }) =>
      phone.transferAttended(callId, consultCallId).then(() => null),
    'phone:getAvailability': () => phone.availability(),
    'phone:setAvailability': ({ availability, retryAfterSeconds }) => {
      // During a recovery break the agent's choice waits for the break to end.
      const now = recovery.chooseAvailability(availability, retryAfterSeconds);
      events?.publish('phone:availability', now);
      return now;
    },
    'journal:listCalls': (query) => withQuality(journal, listCalls(journal, query)),
    'journal:saveCallQuality': ({ journalId, quality }) => {
      if (!saveCallQuality(journal, journalId, quality))
        throw new UserFacingError('not-found', 'That call is not in the journal.');
      events?.publish('journal:changed', { table: 'calls' });
      return null;
    },
    'settings:getPhone': () => settings.phone(),
    'settings:setPhone': (patch) => settings.setPhone(patch),
    'media:respond': (response) => {
      if (!windowMedia) throw new UserFacingError('not-found', 'Call audio is not made by the window here.');
      return windowMedia.respond(response);
    },
  };
}
