/**
 * Team summaries, the agent's side: consent (off until the agent chooses; IT can only turn it
 * off), enrollment, the preview that is the payload, sharing or skipping a week, automatic
 * sharing when the agent asked for it, the shared history and revocation. Everything that must
 * survive a restart is in the journal (the outbox) or the settings file (the sealed choice).
 */
import type Database from 'better-sqlite3';

import { getSharedWeek, isWeekSkipped, listSharedWeeks, queueWeek, skipWeek } from '../journal/shared-weeks';
import { pendingRevocationCount, requestRevocation } from '../journal/summary-revocations';
import type { Clock } from '../kernel/clock';
import { UserFacingError } from '../kernel/user-facing-error';
import type { Logger } from '../logging/logger';
import type { SecretStore } from '../settings/secret-store';
import type {
  CollectorHolding,
  EnrollInput,
  SetSharingInput,
  SharedWeekView,
  SharingView,
  SummaryPreview,
} from '../../preload/schemas/summaries';
import type { IsoWeek } from '../../preload/schemas/team-summary';

import type { FetchLike } from './collector-client';
import { createEnrollments, type SharingSettings } from './enrollment';
import { lastCompleteWeek, weekAround, weekRange } from './iso-week';
import { createOutboxSender } from './outbox-sender';
import { toSharedWeekView } from './shared-week-view';
import { choiceInForce, sealChoice, type SharingChoice } from './sharing-choice';
import { buildWeeklySummary, type BuiltSummary } from './weekly-payload';

export interface SummariesDeps {
  journal: Database.Database;
  settings: SharingSettings;
  secrets: SecretStore;
  clock: Clock;
  /** The agent's time zone (IANA name): which hours make their week. */
  timeZone: string;
  fetch: FetchLike;
  installLabel: string;
  logger: Logger;
  /** Tells the window the share screen changed (a week delivered, a revocation confirmed). */
  publish: (view: SharingView) => void;
  random?: () => number;
}

export type SummariesService = ReturnType<typeof createSummariesService>;

export function createSummariesService(deps: SummariesDeps) {
  const { journal: db, settings, secrets, clock, timeZone, logger } = deps;
  const enrollments = createEnrollments({ ...deps, logger });

  /** The choice in force: the agent's sealed one, and "don't share" whenever IT turned sharing off. */
  function choice(): SharingChoice {
    const chosen = choiceInForce(settings.sharing(), secrets);
    return settings.summaryPolicy().sharingAllowed ? chosen : { ...chosen, consent: 'none' };
  }
  const sharing = () => choice().consent !== 'none';
  const decided = (week: IsoWeek) => getSharedWeek(db, week) !== null || isWeekSkipped(db, week);

  function view(): SharingView {
    const { consent, mode, name } = choice();
    const policy = settings.summaryPolicy();
    const enrollment = enrollments.current();
    const last = lastCompleteWeek(clock.now(), timeZone).week;
    return {
      consent,
      mode,
      name,
      policy: {
        sharingAllowed: policy.sharingAllowed,
        collectorUrlSetByIt: policy.collectorUrl !== null,
        enrollmentCodeSetByIt: policy.enrollmentCode !== null,
        teamDashboard: policy.teamDashboardUrl !== null,
      },
      collectorUrl: enrollments.collectorUrl(),
      enrollment: enrollment && { teamName: enrollment.teamName, enrolledAt: enrollment.enrolledAt },
      choicePersists: secrets.storage === 'encrypted',
      lastCompleteWeek: last,
      pendingWeek: consent !== 'none' && mode === 'ask' && !decided(last) ? last : null,
      outbox: {
        queued: listSharedWeeks(db).filter((week) => week.state === 'queued').length,
        revocations: pendingRevocationCount(db),
      },
    };
  }

  const changed = () => deps.publish(view());
  /** IT's dashboard address for a team lead (the lead role), or null. */
  const teamDashboardUrl = () => settings.summaryPolicy().teamDashboardUrl;
  const sender = createOutboxSender({
    db,
    clock,
    logger,
    connection: () => enrollments.connection(),
    mayShare: sharing,
    onTokenRejected: () => enrollments.forget(),
    onChange: changed,
    random: deps.random,
  });
  const deliver = () => void sender.kick();

  function build(week: IsoWeek, checkInRequested: boolean): BuiltSummary {
    let range;
    try {
      range = weekRange(week, timeZone);
    } catch {
      throw new UserFacingError('invalid-request', 'That week does not exist.');
    }
    if (range.end > clock.now())
      throw new UserFacingError('invalid-request', 'Only a week that has ended can be shared.');
    const { consent, name } = choice();
    try {
      return buildWeeklySummary(db, {
        week,
        zone: timeZone,
        consent: consent === 'named' && name ? 'named' : 'anonymous',
        agentName: name,
        checkInRequested,
      });
    } catch (error) {
      logger.warn({ week, err: error }, 'the week does not fit the payload');
      throw new UserFacingError('conflict', "This week's figures are outside what a summary can hold.");
    }
  }

  function queue(built: BuiltSummary) {
    const row = queueWeek(db, {
      week: built.payload.week,
      consent: built.payload.consent,
      body: built.body,
      sha256: built.sha256,
      queuedAt: clock.now(),
    });
    deliver();
    changed();
    return toSharedWeekView(row);
  }

  /** With "share automatically", the week that just ended goes without asking (no check-in). */
  function shareAutomatically() {
    const { mode } = choice();
    const last = lastCompleteWeek(clock.now(), timeZone).week;
    if (!sharing() || mode !== 'auto' || decided(last)) return;
    try {
      queue(build(last, false));
      logger.info({ week: last }, 'sharing the week that ended automatically, as the agent chose');
    } catch (error) {
      // Never stops the core from starting; the week stays on offer on the share screen.
      logger.error({ week: last, err: error }, 'the week that ended could not be shared automatically');
    }
  }

  let weekTimer: unknown = null;
  function atNextWeek() {
    const now = clock.now();
    weekTimer = clock.setTimeout(
      () => {
        shareAutomatically();
        changed();
        atNextWeek();
      },
      weekAround(now, timeZone).end - now + 1_000,
    );
  }

  function history(): SharedWeekView[] {
    return listSharedWeeks(db).map(toSharedWeekView);
  }

  async function setSharing(input: SetSharingInput): Promise<SharingView> {
    if (input.consent !== 'none' && !settings.summaryPolicy().sharingAllowed)
      throw new UserFacingError('unavailable', 'IT has turned sharing off on this computer.');
    settings.setSharing(sealChoice(settings.sharing(), input, clock.now(), secrets));
    logger.info({ consent: input.consent, mode: input.mode }, 'sharing choice saved');
    if (input.consent === 'none') {
      // Weeks not delivered yet stay on this PC.
      for (const week of listSharedWeeks(db).filter((row) => row.state === 'queued'))
        requestRevocation(db, week.week, clock.now());
    } else if (
      !enrollments.current() &&
      settings.summaryPolicy().enrollmentCode &&
      enrollments.collectorUrl()
    ) {
      await enrollments.enroll({}).catch(() => undefined);
    }
    shareAutomatically();
    deliver();
    changed();
    return view();
  }

  return {
    view,
    teamDashboardUrl,
    setSharing,
    async enroll(input: EnrollInput): Promise<SharingView> {
      if (!sharing()) throw new UserFacingError('conflict', 'Choose how to share before enrolling.');
      await enrollments.enroll(input);
      deliver();
      changed();
      return view();
    },
    preview({ week, checkInRequested }: { week?: IsoWeek; checkInRequested: boolean }): SummaryPreview {
      const chosen = week ?? lastCompleteWeek(clock.now(), timeZone).week;
      const built = build(chosen, checkInRequested);
      const range = weekRange(chosen, timeZone);
      return {
        week: chosen,
        start: range.start,
        end: range.end,
        payload: built.payload,
        json: built.body,
        sha256: built.sha256,
      };
    },
    share({ week, checkInRequested, sha256 }: { week: IsoWeek; checkInRequested: boolean; sha256: string }) {
      if (!sharing()) throw new UserFacingError('conflict', 'Choose how to share first.');
      const built = build(week, checkInRequested);
      if (built.sha256 !== sha256)
        throw new UserFacingError(
          'conflict',
          'The summary changed since you looked at it. Look at it again first.',
        );
      return queue(built);
    },
    skip(week: IsoWeek): SharingView {
      skipWeek(db, week, clock.now());
      changed();
      return view();
    },
    history,
    revoke(week: IsoWeek | null): SharedWeekView[] {
      if (week !== null && !getSharedWeek(db, week))
        throw new UserFacingError('not-found', 'That week was never shared.');
      const everTried = listSharedWeeks(db).some((row) => row.attempts > 0);
      if (week === null && !everTried && !enrollments.current()) {
        for (const row of listSharedWeeks(db)) requestRevocation(db, row.week, clock.now());
      } else requestRevocation(db, week, clock.now());
      logger.info({ week: week ?? 'all' }, 'revocation asked for');
      deliver();
      changed();
      return history();
    },
    async checkCollector(): Promise<CollectorHolding> {
      const connection = enrollments.connection();
      if (!connection)
        throw new UserFacingError('unavailable', 'This computer is not enrolled with a collector.');
      try {
        const held = await connection.client.listWeeks(connection.token);
        return {
          checkedAt: clock.now(),
          weeks: held.weeks.map(({ week, consent, receivedAt }) => ({ week, consent, receivedAt })),
        };
      } catch {
        throw new UserFacingError('unavailable', 'The collector could not be reached. Try again later.');
      }
    },
    /** Starts delivering what the outbox holds and the weekly timer (the core calls it once). */
    start() {
      shareAutomatically();
      atNextWeek();
      deliver();
    },
    /** Delivers whatever is due now and resolves when done (tests, and the shell before quitting). */
    flush: () => sender.kick(),
    async close() {
      if (weekTimer !== null) clock.clearTimeout(weekTimer);
      await sender.close();
    },
  };
}
