/**
 * Keeps the phone registered: connects, registers, watches the connection with a keep-alive, and
 * after a lost, dead or refused connection tries again with backoff. A wrong password stops the
 * retries (no storm of REGISTERs against the PBX) until the agent changes the account.
 * Pure state machine: sip.js is behind `UserAgentLike`, time behind `Clock`.
 */
import type { RegistrationState } from '../../preload/contract';
import type { Logger } from '../logging/logger';
import type { SipAccount } from '../settings/settings-service';

import { retryDelaySeconds } from '../kernel/backoff';
import { systemClock, type Clock } from '../kernel/clock';
import { describeError } from '../kernel/describe-error';
import { CertificateError } from '../trust/certificate-problem';
import { DEFAULT_KEEP_ALIVE, startKeepAlive, type KeepAlive, type KeepAliveOptions } from './keep-alive';
import type { RegistrationOutcome, SipUserAgentDelegate } from './sip/sip-user-agent';

export interface UserAgentLike {
  connect(): Promise<void>;
  register(): void;
  /** Resolves when the server answers a request (any answer); rejects when it cannot be sent. */
  ping(): Promise<void>;
  /** Hangs up, unregisters and disconnects (bounded): the agent quit or changed the account. */
  stop(): Promise<void>;
  /** The connection is gone: its calls end as transport-lost; no unregistering over a dead line. */
  abandon(): Promise<void>;
}

export interface RegistrationDeps {
  account: () => SipAccount | null;
  createUserAgent: (account: SipAccount, delegate: SipUserAgentDelegate) => UserAgentLike;
  publish: (state: RegistrationState) => void;
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  keepAlive?: KeepAliveOptions;
}

export interface Registration {
  state(): RegistrationState;
  /** (Re)connects with the current account: at start and whenever the account changes. */
  restart(): void;
  /** After sleep or a network change: retries at once if waiting, or checks a live connection. */
  checkNow(): void;
  close(): Promise<void>;
}

interface Connection {
  agent: UserAgentLike;
  keepAlive: KeepAlive | null;
}

const AUTH_FAILURES = new Set([401, 403, 407]);

export function createRegistration(deps: RegistrationDeps): Registration {
  const clock = deps.clock ?? systemClock;
  let state: RegistrationState = { state: 'not-configured' };
  let current: Connection | null = null;
  let generation = 0;
  let attempt = 0;
  let retryTimer: unknown = null;
  let closed = false;

  const setState = (next: RegistrationState) => {
    state = next;
    deps.logger.info(
      { state: next.state, reason: 'reason' in next ? next.reason : undefined },
      'registration',
    );
    deps.publish(next);
  };

  /** Forgets the current connection (and any pending retry); its late events are ignored. */
  function drop(how: 'stop' | 'abandon'): Promise<void> {
    if (retryTimer !== null) clock.clearTimeout(retryTimer);
    retryTimer = null;
    const old = current;
    current = null;
    generation += 1;
    old?.keepAlive?.stop();
    if (!old) return Promise.resolve();
    return how === 'stop' ? old.agent.stop() : old.agent.abandon();
  }

  function scheduleRetry(kind: 'retrying' | 'unreachable', reason: string, error?: unknown) {
    const seconds = retryDelaySeconds(attempt, deps.random);
    attempt += 1;
    const certificate = error instanceof CertificateError ? { certificate: error.problem } : {};
    setState({ state: kind, nextAttemptInSeconds: Math.ceil(seconds), reason, ...certificate });
    void drop('abandon');
    if (!closed) retryTimer = clock.setTimeout(connect, seconds * 1000);
  }

  function onOutcome(connection: Connection, outcome: RegistrationOutcome) {
    if (outcome.kind === 'registered') {
      attempt = 0;
      setState({ state: 'registered', aor: outcome.aor });
      connection.keepAlive ??= startKeepAlive({
        clock,
        options: deps.keepAlive ?? DEFAULT_KEEP_ALIVE,
        ping: () => connection.agent.ping(),
        onDead: (reason) => current === connection && scheduleRetry('retrying', reason),
      });
    } else if (outcome.kind === 'rejected' && AUTH_FAILURES.has(outcome.statusCode)) {
      setState({ state: 'auth-failed', reason: outcome.reason });
      void drop('stop');
    } else if (outcome.kind === 'rejected') {
      scheduleRetry('retrying', outcome.reason);
    } else {
      scheduleRetry('retrying', 'The server ended the registration.');
    }
  }

  function connect() {
    retryTimer = null;
    const account = deps.account();
    if (!account) return setState({ state: 'not-configured' });
    setState({ state: 'connecting' });
    const mine = ++generation;
    const isCurrent = () => mine === generation && !closed;
    let connection: Connection;
    try {
      const agent = deps.createUserAgent(account, {
        onRegistration: (outcome) => isCurrent() && onOutcome(connection, outcome),
        onTransportLost: (reason) => isCurrent() && scheduleRetry('retrying', reason),
      });
      connection = current = { agent, keepAlive: null };
    } catch (error) {
      // An account sip.js cannot turn into an address: retrying cannot help, the agent must fix it.
      return setState({ state: 'auth-failed', reason: describeError(error) });
    }
    connection.agent.connect().then(
      () => isCurrent() && connection.agent.register(),
      (error: unknown) => isCurrent() && scheduleRetry('unreachable', describeError(error), error),
    );
  }

  return {
    state: () => state,
    restart() {
      attempt = 0;
      const dropping = drop('stop');
      const mine = generation;
      void dropping.then(() => mine === generation && !closed && connect());
    },
    checkNow() {
      if (closed) return;
      if (retryTimer !== null) {
        clock.clearTimeout(retryTimer);
        connect();
      } else current?.keepAlive?.checkNow();
    },
    async close() {
      closed = true;
      await drop('stop');
    },
  };
}
