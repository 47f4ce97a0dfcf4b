/**
 * Keeps the phone registered: connects, registers, and after a lost or refused connection tries
 * again with backoff. A wrong password stops the retries (no storm of REGISTERs against the PBX)
 * until the agent changes the account.
 */
import type { RegistrationState } from '../../preload/contract';
import type { Logger } from '../logging/logger';
import type { SipAccount } from '../settings/settings-service';

import { retryDelaySeconds } from './backoff';
import type { RegistrationOutcome, SipUserAgentDelegate } from './sip/sip-user-agent';

export interface UserAgentLike {
  connect(): Promise<void>;
  register(): void;
  stop(): Promise<void>;
}

export interface RegistrationDeps {
  account: () => SipAccount | null;
  createUserAgent: (account: SipAccount, delegate: SipUserAgentDelegate) => UserAgentLike;
  publish: (state: RegistrationState) => void;
  logger: Logger;
  random?: () => number;
}

export interface Registration {
  state(): RegistrationState;
  /** (Re)connects with the current account: at start and whenever the account changes. */
  restart(): void;
  close(): Promise<void>;
}

const AUTH_FAILURES = new Set([401, 403, 407]);

export function createRegistration(deps: RegistrationDeps): Registration {
  let state: RegistrationState = { state: 'not-configured' };
  let userAgent: UserAgentLike | null = null;
  let generation = 0;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;

  const setState = (next: RegistrationState) => {
    state = next;
    deps.logger.info({ state: next.state }, 'registration state');
    deps.publish(next);
  };

  async function dropUserAgent() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const old = userAgent;
    userAgent = null;
    generation += 1;
    await old?.stop();
  }

  function scheduleRetry(kind: 'retrying' | 'unreachable', reason: string) {
    const seconds = retryDelaySeconds(attempt, deps.random);
    attempt += 1;
    setState({ state: kind, nextAttemptInSeconds: Math.ceil(seconds), reason });
    void dropUserAgent().then(() => {
      if (!closed) retryTimer = setTimeout(connect, seconds * 1000);
    });
  }

  function onOutcome(mine: number, outcome: RegistrationOutcome) {
    if (mine !== generation || closed) return;
    if (outcome.kind === 'registered') {
      attempt = 0;
      setState({ state: 'registered', aor: outcome.aor });
    } else if (outcome.kind === 'rejected' && AUTH_FAILURES.has(outcome.statusCode)) {
      setState({ state: 'auth-failed', reason: outcome.reason });
      void dropUserAgent();
    } else if (outcome.kind === 'rejected') {
      scheduleRetry('retrying', outcome.reason);
    }
  }

  function connect() {
    retryTimer = null;
    const account = deps.account();
    if (!account) return setState({ state: 'not-configured' });
    const mine = ++generation;
    setState({ state: 'connecting' });
    let agent: UserAgentLike;
    try {
      agent = deps.createUserAgent(account, {
        onRegistration: (outcome) => onOutcome(mine, outcome),
        onTransportLost: (reason) => mine === generation && !closed && scheduleRetry('retrying', reason),
      });
    } catch (error) {
      // An account sip.js cannot turn into an address: retrying cannot help, the agent must fix it.
      return setState({ state: 'auth-failed', reason: describe(error) });
    }
    userAgent = agent;
    agent.connect().then(
      () => mine === generation && agent.register(),
      (error: unknown) => mine === generation && !closed && scheduleRetry('unreachable', describe(error)),
    );
  }

  return {
    state: () => state,
    restart() {
      attempt = 0;
      void dropUserAgent().then(() => !closed && connect());
    },
    async close() {
      closed = true;
      await dropUserAgent();
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
