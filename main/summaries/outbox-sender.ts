/**
 * Delivers the outbox: revocations first (so "revoke everything, then share one week" ends with
 * that one week held), then queued weeks, each with the exact bytes kept in the journal. Offline
 * or a failing collector: the try is recorded and retried with the phone's backoff (0.5 s
 * doubling to 30 s, jittered); a refusal (4xx) is kept with its reason and not retried; 401
 * means the install's token is no longer valid. One delivery at a time; nothing is lost across
 * a restart because every state lives in the journal.
 */
import type Database from 'better-sqlite3';

import { beginAttempt, dueWeeks, markSent, markWeekFailed } from '../journal/shared-weeks';
import {
  completeRevocation,
  dueRevocations,
  nextDueAt,
  revocationFailed,
  type Revocation,
} from '../journal/summary-revocations';
import type { Logger } from '../logging/logger';
import { retryDelaySeconds } from '../kernel/backoff';
import type { Clock } from '../kernel/clock';

import { CollectorError, type CollectorClient } from './collector-client';

export interface Connection {
  client: CollectorClient;
  token: string;
}

export interface OutboxSenderDeps {
  db: Database.Database;
  clock: Clock;
  logger: Logger;
  /** The enrolled collector and this install's token; null when not enrolled (nothing is sent). */
  connection: () => Connection | null;
  /** Whether weeks may go out now (the agent's consent and IT's policy); revocations always may. */
  mayShare: () => boolean;
  /** The collector no longer accepts this install's token. */
  onTokenRejected: () => void;
  /** Something in the outbox changed state. */
  onChange: () => void;
  random?: () => number;
}

export interface OutboxSender {
  /** Tries whatever is due now; resolves when this round (and any asked for meanwhile) is done. */
  kick(): Promise<void>;
  close(): Promise<void>;
}

export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const { db, clock, logger } = deps;
  const random = deps.random ?? Math.random;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: unknown = null;
  let closed = false;

  const retryAt = (attempts: number) => clock.now() + retryDelaySeconds(attempts, random) * 1000;

  async function revoke(connection: Connection, revocation: Revocation): Promise<boolean> {
    const { client, token } = connection;
    try {
      const receipt =
        revocation.scope === 'all' || revocation.week === null
          ? await client.deleteAll(token)
          : await client.deleteWeek(token, revocation.week);
      completeRevocation(db, revocation, { doneAt: clock.now(), deleted: receipt.deleted });
      logger.info(
        { scope: revocation.scope, week: revocation.week },
        'revocation confirmed by the collector',
      );
      return true;
    } catch (error) {
      if (tokenRejected(error)) return false;
      revocationFailed(db, revocation.id, {
        error: describe(error),
        nextAttemptAt: retryAt(revocation.attempts),
      });
      logger.warn(
        { scope: revocation.scope, week: revocation.week, reason: describe(error) },
        'revocation will be retried',
      );
      return true;
    }
  }

  async function deliver(
    connection: Connection,
    week: ReturnType<typeof dueWeeks>[number],
  ): Promise<boolean> {
    beginAttempt(db, week.week);
    try {
      const receipt = await connection.client.putWeek(
        connection.token,
        week.week,
        week.body.toString('utf8'),
      );
      if (receipt.sha256 !== week.sha256)
        throw new CollectorError('the collector stored other bytes', true, null);
      markSent(db, week.week, week.sha256, { sentAt: clock.now(), receipt });
      logger.info({ week: week.week }, 'week delivered to the collector');
      return true;
    } catch (error) {
      if (tokenRejected(error)) return false;
      const retry = !(error instanceof CollectorError) || error.retry;
      markWeekFailed(db, week.week, {
        error: describe(error),
        nextAttemptAt: retry ? retryAt(week.attempts) : null,
      });
      logger.warn({ week: week.week, reason: describe(error), retry }, 'week not delivered');
      return true;
    }
  }

  function tokenRejected(error: unknown): boolean {
    if (!(error instanceof CollectorError) || error.status !== 401) return false;
    logger.warn('the collector no longer accepts this install; enroll again to share');
    deps.onTokenRejected();
    return true;
  }

  async function round(): Promise<void> {
    const connection = deps.connection();
    if (!connection) return;
    for (const revocation of dueRevocations(db, clock.now())) {
      const goOn = await revoke(connection, revocation);
      deps.onChange();
      if (!goOn || closed) return;
    }
    if (!deps.mayShare()) return;
    for (const week of dueWeeks(db, clock.now())) {
      const goOn = await deliver(connection, week);
      deps.onChange();
      if (!goOn || closed) return;
    }
  }

  function schedule() {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (closed || !deps.connection()) return;
    const at = nextDueAt(db, { weeks: deps.mayShare() });
    if (at === null) return;
    timer = clock.setTimeout(
      () => {
        timer = null;
        void kick();
      },
      Math.max(0, at - clock.now()),
    );
  }

  function kick(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await round();
        } catch (error) {
          logger.error({ err: error }, 'outbox round failed');
        }
      } while (again && !closed);
    })().finally(() => {
      running = null;
      schedule();
    });
    return running;
  }

  return {
    kick,
    async close() {
      closed = true;
      if (timer !== null) clock.clearTimeout(timer);
      await running;
    },
  };
}

function describe(error: unknown): string {
  return error instanceof CollectorError ? error.message : 'the request failed';
}
