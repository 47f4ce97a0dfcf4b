/** The request handlers of the settings channels: the SIP account, the language, the phone preferences. */
import type { Notice } from '../../preload/contract';
import type { HandlersOf } from '../ipc/router';

import type { SettingsService } from './settings-service';
import type { TurnLoginService } from './turn-logins';

export interface SettingsHandlerDeps {
  settings: SettingsService;
  turnLogins: TurnLoginService;
  /** Shows the agent a notice that saving raised (a password kept only for this session). */
  addNotice(notice: Notice): void;
}

export function createSettingsHandlers({
  settings,
  turnLogins,
  addNotice,
}: SettingsHandlerDeps): HandlersOf<'settings'> {
  return {
    'settings:get': () => settings.view(),
    'settings:saveAccount': (account) => {
      const view = settings.saveAccount(account);
      for (const notice of settings.notices()) addNotice(notice);
      return view;
    },
    'settings:clearAccount': () => settings.clearAccount(),
    'settings:setLanguage': ({ language }) => settings.setLanguage(language),
    'settings:getPhone': () => settings.phone(),
    'settings:setPhone': (patch) => settings.setPhone(patch),
    'settings:getTurnLogins': () => turnLogins.list(),
    'settings:setTurnLogin': (login) => turnLogins.set(login),
    'settings:getIceServers': () => turnLogins.iceServers(),
  };
}
