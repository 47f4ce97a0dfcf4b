/** The request handlers of the phone channels (registration, calls, availability) and the window's media answers. */
import type { Availability } from '../../preload/contract';
import type { HandlersOf } from '../ipc/router';
import type { EventHub } from '../kernel/event-hub';
import { UserFacingError } from '../kernel/user-facing-error';

import type { PhoneService } from './phone-service';
import type { RemoteMediaEngine } from './remote-media-engine';

export interface PhoneHandlerDeps {
  phone: PhoneService;
  /** The window's media engine when the window makes call audio; null when the core uses its own. */
  windowMedia: Pick<RemoteMediaEngine, 'respond'> | null;
  /**
   * Applies the agent's availability choice; during a recovery break it waits for the break to
   * end (breaks/recovery-service.ts `chooseAvailability`). Answers what applies now.
   */
  chooseAvailability(availability: Availability, retryAfterSeconds?: number): Availability;
  events: Pick<EventHub, 'publish'>;
}

export function createPhoneHandlers({
  phone,
  windowMedia,
  chooseAvailability,
  events,
}: PhoneHandlerDeps): HandlersOf<'phone' | 'media'> {
  return {
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
      const now = chooseAvailability(availability, retryAfterSeconds);
      events.publish('phone:availability', now);
      return now;
    },
    'media:respond': (response) => {
      if (!windowMedia) throw new UserFacingError('not-found', 'Call audio is not made by the window here.');
      return windowMedia.respond(response);
    },
  };
}
