/**
 * The handler table: one entry per request channel in preload/contract.ts, each a thin call into
 * a service. The router has already validated the request; TypeScript makes the table complete.
 */
import type Database from 'better-sqlite3';

import { UserFacingError } from '../ipc/user-facing-error';
import { listCalls } from '../journal/calls';
import type { Handlers } from '../ipc/router';
import type { PhoneService } from '../phone/phone-service';
import type { RemoteMediaEngine } from '../phone/remote-media-engine';
import type { SettingsService } from '../settings/settings-service';

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
}

export function createHandlers({
  version,
  dataDir,
  notices,
  settings,
  journal,
  phone,
  windowMedia,
}: HandlerDeps): Handlers {
  return {
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
    'phone:setAvailability': ({ availability, retryAfterSeconds }) =>
      phone.setAvailability(availability, retryAfterSeconds),
    'journal:listCalls': (query) => listCalls(journal, query),
    'media:respond': (response) => {
      if (!windowMedia) throw new UserFacingError('not-found', 'Call audio is not made by the window here.');
      return windowMedia.respond(response);
    },
  };
}
