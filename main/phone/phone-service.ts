/**
 * The softphone as main's other services see it: keeps the agent registered, places and answers
 * calls, refuses calls during a break or do-not-disturb, and journals every call.
 */
import type Database from 'better-sqlite3';

import type { Availability, CallState, RegistrationState } from '../../preload/contract';
import type { EventHub } from '../kernel/event-hub';
import { UserFacingError } from '../kernel/user-facing-error';
import type { Logger } from '../logging/logger';
import type { SettingsService } from '../settings/settings-service';

import { createCallBook } from './call-book';
import { normaliseDialTarget } from './dial-target';
import type { MediaEngine } from './media-engine';
import { systemClock, type Clock } from '../kernel/clock';
import { describeError } from '../kernel/describe-error';
import { watchConnectivity } from './connectivity-watch';
import type { KeepAliveOptions } from './keep-alive';
import { createRegistration } from './registration';
import type { DtmfMethod } from './sip/sip-calls';
import { provideWebSocket, SipUserAgent, type SipInternals } from './sip/sip-user-agent';
import { createTrustedWebSocket } from '../trust/trusted-websocket';
import type { TrustStore } from '../trust/trust-store';

export interface PhoneService {
  registration(): RegistrationState;
  /** Places a call; a call already connected is put on hold first. */
  dial(target: string): Promise<CallState>;
  /** Answers a ringing call; a waiting call (another call is connected) first holds the other. */
  answer(callId: string): Promise<CallState>;
  decline(callId: string, busy: boolean): CallState;
  hangup(callId: string): CallState;
  /** Resolves with the call's state once the other side accepted the hold or resume. */
  hold(callId: string, held: boolean): Promise<CallState>;
  /** Hands a connected call to an extension, number or sip: address; resolves once confirmed. */
  transferBlind(callId: string, target: string): Promise<void>;
  /** Connects a call with a connected consultation call and leaves both. */
  transferAttended(callId: string, consultCallId: string): Promise<void>;
  /** Sends keypad tones (0-9, *, #, A-D) to the other side. */
  sendDtmf(callId: string, tones: string): Promise<CallState>;
  setAvailability(availability: Availability, retryAfterSeconds?: number): Availability;
  /** What the engine applies to incoming calls now. */
  availability(): Availability;
  /** The machine woke up or the network changed: probe the connection (or retry) at once. */
  checkConnection(): void;
  /** Calls in progress (leak checks: 0 when every call has ended). */
  liveCalls(): number;
  /** What the SIP stack holds (leak checks), or null before the first connection. */
  sipInternals(): SipInternals | null;
  close(): Promise<void>;
}

export interface PhoneServiceDeps {
  settings: Pick<SettingsService, 'sipAccount' | 'onAccountChange'> &
    Partial<Pick<SettingsService, 'recovery'>>;
  journal: Database.Database;
  events: EventHub;
  media: MediaEngine;
  logger: Logger;
  /** Node 20 has no global WebSocket: pass `ws`'s. Electron and Node 22+ need nothing. */
  webSocket?: new (url: string, protocols?: string | string[]) => unknown;
  /** The CAs wss:// trusts (OS store + IT's); given, the phone opens `ws` with them and names a certificate failure. */
  trust?: TrustStore;
  /** IT's SIP trace (main/logging/sip-trace.ts): every message, credentials removed. */
  sipTrace?: (content: string) => void;
  unavailableStatus?: 480 | 486;
  /** 'rfc4733' (in the media, falling back to SIP INFO) or 'info' (always SIP INFO). */
  dtmfMethod?: DtmfMethod;
  clock?: Clock;
  keepAlive?: KeepAliveOptions;
  registerExpiresSeconds?: number;
  /** What tells a network change (tests script it); default: this machine's addresses. */
  networkFingerprint?: () => string;
}

export function createPhoneService(deps: PhoneServiceDeps): PhoneService {
  const { settings, events, logger } = deps;
  const clock = deps.clock ?? systemClock;
  if (deps.webSocket) provideWebSocket(deps.webSocket);
  const trusted = deps.trust && createTrustedWebSocket(deps.trust);
  if (trusted) provideWebSocket(trusted, { replace: true });
  const book = createCallBook({
    journal: deps.journal,
    events,
    clock,
    unavailableStatus: deps.unavailableStatus,
    markedBeforeDays: () => settings.recovery?.().policy.markedBeforeDays ?? 0,
  });
  let agent: SipUserAgent | null = null;
  const registration = createRegistration({
    account: () => settings.sipAccount(),
    createUserAgent: (account, delegate) =>
      (agent = new SipUserAgent({
        account,
        delegate,
        media: deps.media,
        calls: book,
        logger,
        clock,
        registerExpiresSeconds: deps.registerExpiresSeconds,
        explainConnectFailure: trusted && ((url) => trusted.lastCertificateError(url)),
        sipTrace: deps.sipTrace,
      })),
    publish: (state) => events.publish('phone:registration', state),
    logger,
    clock,
    keepAlive: deps.keepAlive,
  });
  const stopFollowing = settings.onAccountChange(() => registration.restart());
  const connectivity = watchConnectivity({
    clock,
    networkFingerprint: deps.networkFingerprint,
    onChange: (change) => {
      logger.info({ change }, 'connectivity changed: checking the connection');
      registration.checkNow();
    },
  });
  registration.restart();

  const connected = () => {
    if (!agent || registration.state().state !== 'registered')
      throw new UserFacingError('unavailable', 'The phone is not connected.');
    return agent;
  };
  const sipAddressOf = (target: string) => {
    const account = settings.sipAccount();
    const uri = account && normaliseDialTarget(target, account.domain);
    if (!uri)
      throw new UserFacingError('invalid-request', 'Enter an extension, a phone number or a sip: address.');
    return uri;
  };
  const transferring = async (transfer: () => Promise<void>) => {
    try {
      await transfer();
    } catch (error) {
      if (error instanceof UserFacingError) throw error;
      throw new UserFacingError('conflict', `The call could not be transferred: ${describeError(error)}`);
    }
  };
  /** One conversation at a time: the connected calls other than `callId` go on hold. */
  const holdOtherCalls = async (callId: string | null) => {
    for (const other of book.connectedOthers(callId)) {
      try {
        await connected().calls.hold(other.id, true);
      } catch (error) {
        throw new UserFacingError(
          'conflict',
          `The current call could not be put on hold: ${describeError(error)}`,
        );
      }
    }
  };
  const existing = (callId: string) => {
    const call = book.get(callId);
    if (!call) throw new UserFacingError('not-found', 'That call has already ended.');
    return call;
  };

  return {
    registration: () => registration.state(),
    async dial(target) {
      const uri = sipAddressOf(target);
      await holdOtherCalls(null);
      const { id, sipCallId } = connected().calls.dial(uri);
      return book.outgoing(id, sipCallId, { uri, displayName: null });
    },
    async answer(callId) {
      existing(callId);
      await holdOtherCalls(callId);
      connected().calls.answer(callId);
      return existing(callId);
    },
    decline(callId, busy) {
      const call = existing(callId);
      connected().calls.decline(callId, busy ? 486 : 603);
      return call;
    },
    hangup(callId) {
      const call = existing(callId);
      agent?.calls.hangup(callId);
      return call;
    },
    async hold(callId, held) {
      existing(callId);
      try {
        await connected().calls.hold(callId, held);
      } catch (error) {
        throw new UserFacingError(
          'conflict',
          `The call could not be ${held ? 'held' : 'resumed'}: ${describeError(error)}`,
        );
      }
      return existing(callId);
    },
    async transferBlind(callId, target) {
      existing(callId);
      const uri = sipAddressOf(target);
      await transferring(() => connected().calls.transfer(callId, { uri }));
    },
    async transferAttended(callId, consultCallId) {
      existing(callId);
      existing(consultCallId);
      await transferring(() => connected().calls.transfer(callId, { callId: consultCallId }));
    },
    async sendDtmf(callId, tones) {
      existing(callId);
      try {
        await connected().calls.sendDtmf(callId, tones, deps.dtmfMethod ?? 'rfc4733');
      } catch (error) {
        throw new UserFacingError('conflict', `The keypad tones could not be sent: ${describeError(error)}`);
      }
      return existing(callId);
    },
    setAvailability: (availability, retryAfterSeconds) =>
      book.setAvailability(availability, retryAfterSeconds),
    availability: () => book.availability(),
    checkConnection: () => registration.checkNow(),
    liveCalls: () => book.size + (agent?.calls.size ?? 0),
    sipInternals: () => agent?.internals() ?? null,
    async close() {
      stopFollowing();
      connectivity.stop();
      await registration.close();
    },
  };
}
