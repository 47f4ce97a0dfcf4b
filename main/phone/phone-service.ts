/**
 * The softphone as main's other services see it. Today it keeps the agent registered with the
 * PBX (calls come with the call engine); it follows account changes from settings.
 */
import type { RegistrationState } from '../../preload/contract';
import type { EventHub } from '../core/event-hub';
import type { Logger } from '../logging/logger';
import type { SettingsService } from '../settings/settings-service';

import { createRegistration } from './registration';
import { provideWebSocket, SipUserAgent } from './sip/sip-user-agent';

export interface PhoneService {
  registration(): RegistrationState;
  close(): Promise<void>;
}

export interface PhoneServiceDeps {
  settings: Pick<SettingsService, 'sipAccount' | 'onAccountChange'>;
  events: EventHub;
  logger: Logger;
  /** Node 20 has no global WebSocket: pass `ws`'s. Electron and Node 22+ need nothing. */
  webSocket?: new (url: string, protocols?: string | string[]) => unknown;
}

export function createPhoneService({ settings, events, logger, webSocket }: PhoneServiceDeps): PhoneService {
  if (webSocket) provideWebSocket(webSocket);
  const registration = createRegistration({
    account: () => settings.sipAccount(),
    createUserAgent: (account, delegate) => new SipUserAgent({ account, delegate }),
    publish: (state) => events.publish('phone:registration', state),
    logger,
  });
  const stopFollowing = settings.onAccountChange(() => registration.restart());
  registration.restart();
  return {
    registration: () => registration.state(),
    async close() {
      stopFollowing();
      await registration.close();
    },
  };
}
