/**
 * The one narrow class around sip.js's UserAgent and Registerer (nothing outside sip/ imports
 * sip.js): connects, registers, pings, stops, and reports what happened through a small delegate
 * in the vocabulary of the phone service. Its calls are `calls` (SipCalls).
 */
import { Registerer, RegistererState, UserAgent, type UserAgentOptions } from 'sip.js';

import { systemClock, type Clock } from '../../kernel/clock';
import type { Logger } from '../../logging/logger';
import type { SipAccount } from '../../settings/settings-service';
import type { MediaEngine } from '../media-engine';

import { BridgedSessionDescriptionHandler } from './bridged-sdh';
import { createCallRecovery, type CallRecovery } from './call-recovery';
import { installInboundGuard } from './inbound-guard';
import { SipCalls, type SipCallsDelegate } from './sip-calls';

export type RegistrationOutcome =
  | { kind: 'registered'; aor: string }
  | { kind: 'rejected'; statusCode: number; reason: string }
  /** Registered before, and no longer: a refresh was refused or the binding expired. */
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
  /** Timers of the calls (transfer confirmation, keeping calls through a lost connection). */
  clock?: Clock;
  connectionTimeoutSeconds?: number;
  /** Why the last connection to this address failed, when the socket knows better than sip.js's "1006" (a certificate). */
  explainConnectFailure?: (serverUrl: string) => Error | null;
  /** Receives every SIP message sip.js's transport sends or receives (IT's SIP trace, main/logging/sip-trace.ts). */
  sipTrace?: (content: string) => void;
}

/** What the engine holds inside sip.js, for leak checks: all 0 once every call has ended. */
export interface SipInternals {
  sessions: number;
  dialogs: number;
  clientTransactions: number;
  serverTransactions: number;
}

type WebSocketConstructor = new (url: string, protocols?: string | string[]) => unknown;

/** sip.js opens its socket with the global WebSocket (Electron and Node 22+ have one; Node 20 gets `ws`). */
export function provideWebSocket(webSocket: WebSocketConstructor, { replace = false } = {}): void {
  const scope = globalThis as { WebSocket?: unknown };
  // `replace`: the trust-aware socket (main/trust/) must win over Electron's own global WebSocket.
  if (replace) scope.WebSocket = webSocket;
  else scope.WebSocket ??= webSocket;
}

/** Refresh the registration when 80 % of its lifetime has passed (sip.js's default, 99 %, is cutting it fine). */
const REFRESH_AT_PERCENT = 80;
const STOP_STEP_MS = 2_000;

export class SipUserAgent {
  private readonly userAgent: UserAgent;
  private readonly registerer: Registerer;
  readonly calls: SipCalls;
  private readonly recovery: CallRecovery;
  private stopping = false;

  constructor(private readonly options: SipUserAgentOptions) {
    const { account } = options;
    const uri = UserAgent.makeURI(`sip:${account.sipUser}@${account.domain}`);
    if (!uri) throw new Error('The SIP user or domain is not valid.');
    this.userAgent = new UserAgent(this.userAgentOptions(uri));
    const clock = options.clock ?? systemClock;
    // Every message from the server passes the guard before sip.js acts on it.
    installInboundGuard(this.userAgent, { logger: options.logger, now: () => clock.now() });
    this.calls = new SipCalls(this.userAgent, options.calls, clock);
    this.recovery = createCallRecovery({
      calls: this.calls,
      clock,
      logger: options.logger,
      reconnect: () => (this.stopping ? Promise.reject(new Error('stopped')) : this.userAgent.reconnect()),
      register: () => this.register(),
      giveUp: (reason) => this.stopping || this.lost(reason),
    });
    this.registerer = new Registerer(this.userAgent, {
      expires: options.registerExpiresSeconds ?? 300,
      refreshFrequency: REFRESH_AT_PERCENT,
    });
    let wasRegistered = false;
    this.registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) {
        wasRegistered = true;
        options.delegate.onRegistration({ kind: 'registered', aor: uri.toString() });
      } else if (state === RegistererState.Unregistered && wasRegistered && !this.stopping) {
        options.delegate.onRegistration({ kind: 'unregistered' });
      }
    });
  }

  /** Connects the WebSocket; rejects with the reason when the server cannot be reached. */
  async connect(): Promise<void> {
    try {
      await this.userAgent.start();
    } catch (error) {
      throw this.options.explainConnectFailure?.(this.options.account.serverUrl) ?? error;
    }
  }

  register(): void {
    void this.registerer
      .register({
        requestDelegate: {
          onReject: ({ message }) => {
            const { statusCode = 0, reasonPhrase = '' } = message;
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

  /** An OPTIONS to the domain: any real answer (even 404 or 407) proves the connection alive. */
  ping(): Promise<void> {
    // While connected calls are kept through a lost connection, the answer is whether it came back.
    const recovering = this.recovery.settled();
    if (recovering) return recovering;
    const core = this.userAgent.userAgentCore;
    const target = UserAgent.makeURI(`sip:${this.options.account.domain}`);
    if (!target) return Promise.reject(new Error('The SIP domain is not valid.'));
    const request = core.makeOutgoingRequestMessage(
      'OPTIONS',
      target,
      this.userAgent.configuration.uri,
      target,
      {},
    );
    return new Promise((resolve, reject) => {
      // sip.js reports a failed send or a timeout as a made-up 503/408 without a Via header.
      const settle = ({ message }: { message: { hasHeader(name: string): boolean } }) =>
        message.hasHeader('via') ? resolve() : reject(new Error('The connection to the server failed.'));
      core.request(request, { onAccept: settle, onReject: settle, onRedirect: settle });
    });
  }

  /** Hangs up every call, unregisters and disconnects, each step bounded. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.calls.hangupAll();
    if (this.registerer.state === RegistererState.Registered) await bounded(this.registerer.unregister());
    await bounded(this.userAgent.stop());
  }

  /** The connection is gone: its calls end as transport-lost, and nothing waits on the dead line. */
  async abandon(): Promise<void> {
    this.stopping = true;
    this.calls.transportLost();
    await bounded(this.userAgent.stop());
  }

  private lost(reason: string): void {
    this.calls.transportLost();
    this.options.delegate.onTransportLost(reason);
  }

  internals(): SipInternals {
    const core = this.userAgent.userAgentCore;
    return {
      sessions: Object.keys(this.userAgent._sessions).length,
      dialogs: core.dialogs.size,
      clientTransactions: core.userAgentClients.size,
      serverTransactions: core.userAgentServers.size,
    };
  }

  private userAgentOptions(uri: NonNullable<ReturnType<typeof UserAgent.makeURI>>): UserAgentOptions {
    const { account, logger, media } = this.options;
    return {
      uri,
      displayName: account.displayName || undefined,
      authorizationUsername: account.authUser,
      authorizationPassword: account.password,
      transportOptions: {
        server: account.serverUrl,
        connectionTimeout: this.options.connectionTimeoutSeconds ?? 5,
      },
      // A call refused during a break must never ring, so no automatic 180 on arrival: SipCalls
      // sends it once the call is admitted.
      sendInitialProvisionalResponse: false,
      logBuiltinEnabled: false,
      logLevel: this.options.sipTrace ? 'log' : 'warn',
      logConnector: (level, category, _label, content) => {
        if (level === 'log' && category === 'sip.Transport') this.options.sipTrace?.(content);
        if (level === 'warn' || level === 'error') logger?.[level]({ category }, content);
      },
      sessionDescriptionHandlerFactory: (session) =>
        // Media is keyed by our call id, which outlives a redirected INVITE's session.
        new BridgedSessionDescriptionHandler(media, this.calls.callIdOf(session.id), (sdp) =>
          this.calls.onRemoteOffer(session.id, sdp),
        ),
      delegate: {
        onInvite: (invitation) => this.calls.onInvite(invitation),
        onDisconnect: (error) => {
          if (this.stopping || !error) return;
          // Connected calls are kept while the same agent reconnects (a PBX restart: call-recovery.ts).
          if (!this.recovery.start(error.message)) this.lost(error.message);
        },
      },
    };
  }
}

function bounded(work: Promise<unknown>): Promise<unknown> {
  return Promise.race([
    work.catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, STOP_STEP_MS).unref()),
  ]);
}
