/**
 * The one narrow class around sip.js (nothing else imports it): connects, registers, and reports
 * what happened through a small delegate, in the vocabulary of the phone service.
 */
import { Registerer, RegistererState, UserAgent, type UserAgentOptions } from 'sip.js';

import type { Logger } from '../../logging/logger';
import type { SipAccount } from '../../settings/settings-service';
import type { MediaEngine } from '../media-engine';

import { BridgedSessionDescriptionHandler } from './bridged-sdh';
import { SipCalls, type SipCallsDelegate } from './sip-calls';

export type RegistrationOutcome =
  | { kind: 'registered'; aor: string }
  | { kind: 'rejected'; statusCode: number; reason: string }
  | { kind: 'unregistered' };

export interface SipUserAgentDelegate {
  onRegistration(outcome: RegistrationOutcome): void;
  onTransportLost(reason: string): void;
}

export interface SipUserAgentOptions {
  account: SipAccount;
  /** Receives sip.js's own warnings and errors (a malformed message from the server, say). */
  logger?: Logger;
  delegate: SipUserAgentDelegate;
  media: MediaEngine;
  calls: SipCallsDelegate;
  registerExpiresSeconds?: number;
  connectionTimeoutSeconds?: number;
}

type WebSocketConstructor = new (url: string, protocols?: string | string[]) => unknown;

/** sip.js opens its socket with the global WebSocket (Electron and Node 22+ have one; Node 20 gets `ws`). */
export function provideWebSocket(webSocket: WebSocketConstructor): void {
  const scope = globalThis as { WebSocket?: unknown };
  scope.WebSocket ??= webSocket;
}

export class SipUserAgent {
  private readonly userAgent: UserAgent;
  private readonly registerer: Registerer;
  /** The calls of this connection. */
  readonly calls: SipCalls;
  private stopping = false;

  constructor(private readonly options: SipUserAgentOptions) {
    const { account } = options;
    const uri = UserAgent.makeURI(`sip:${account.sipUser}@${account.domain}`);
    if (!uri) throw new Error('The SIP user or domain is not valid.');
    const userAgentOptions: UserAgentOptions = {
      uri,
      displayName: account.displayName || undefined,
      authorizationUsername: account.authUser,
      authorizationPassword: account.password,
      transportOptions: {
        server: account.serverUrl,
        connectionTimeout: options.connectionTimeoutSeconds ?? 5,
      },
      logBuiltinEnabled: false,
      logLevel: 'warn',
      logConnector: (level, category, _label, content) => {
        if (level === 'warn' || level === 'error') options.logger?.[level]({ category }, content);
      },
      sessionDescriptionHandlerFactory: (session) =>
        new BridgedSessionDescriptionHandler(options.media, session.id, (sdp) =>
          this.calls.onRemoteOffer(session.id, sdp),
        ),
      delegate: {
        onInvite: (invitation) => this.calls.onInvite(invitation),
        onDisconnect: (error) => {
          if (this.stopping || !error) return;
          this.calls.transportLost();
          options.delegate.onTransportLost(error.message);
        },
      },
    };
    this.userAgent = new UserAgent(userAgentOptions);
    this.calls = new SipCalls(this.userAgent, options.calls);
    this.registerer = new Registerer(this.userAgent, { expires: options.registerExpiresSeconds ?? 300 });
    this.registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Registered)
        options.delegate.onRegistration({ kind: 'registered', aor: uri.toString() });
    });
  }

  /** Connects the WebSocket; rejects with the reason when the server cannot be reached. */
  async connect(): Promise<void> {
    await this.userAgent.start();
  }

  register(): void {
    void this.registerer
      .register({
        requestDelegate: {
          onReject: (response) => {
            const { statusCode = 0, reasonPhrase = '' } = response.message;
            this.options.delegate.onRegistration({
              kind: 'rejected',
              statusCode,
              reason: `${statusCode} ${reasonPhrase}`,
            });
          },
        },
      })
      .catch((error: unknown) => this.options.delegate.onTransportLost(String(error)));
  }

  /** Unregisters (bounded) and closes the transport. */
  async stop(timeoutMs = 2_000): Promise<void> {
    this.stopping = true;
    const bounded = (work: Promise<unknown>) =>
      Promise.race([
        work.catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    if (this.registerer.state === RegistererState.Registered) await bounded(this.registerer.unregister());
    await bounded(this.userAgent.stop());
  }
}
