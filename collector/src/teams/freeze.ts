/**
 * Freezing: once a week has closed, every team's figures for it are computed once and written to
 * the write-once tables (migration 002), under an advisory lock so two collector processes never
 * race. Summaries that arrive or are revoked later never change a frozen week.
 */
import type { CollectorDeps } from '../app';
import type { Db } from '../db/store';
import { isoWeekStart, weekClosesAt } from '../summaries/iso-week';

const FREEZE_LOCK = 7_352_002;
const DAY_MS = 86_400_000;

const FREEZE_FIGURES = `
  INSERT INTO team_week_figures (
    team_id, week, contributors, anonymous_contributors, calls_handled, abusive_total, proud_marks,
    breaks_taken, break_minutes, breaks_extended, breaks_ended_early, reflections_completed,
    median_mood, check_in_requests_anonymous, warnings_played)
  SELECT t.id, $1, count(s.install_id)::int,
         (count(s.install_id) FILTER (WHERE s.consent = 'anonymous'))::int,
         coalesce(sum(s.calls_handled), 0)::int, coalesce(sum(s.abusive_total), 0)::int,
         coalesce(sum(s.proud_marks), 0)::int, coalesce(sum(s.breaks_taken), 0)::int,
         coalesce(sum(s.break_minutes), 0)::double precision,
         coalesce(sum(s.breaks_extended), 0)::int, coalesce(sum(s.breaks_ended_early), 0)::int,
         coalesce(sum(s.reflections_completed), 0)::int,
         (percentile_cont(0.5) WITHIN GROUP (ORDER BY s.median_mood))::double precision,
         (count(*) FILTER (WHERE s.consent = 'anonymous' AND s.check_in_requested))::int,
         -- Known only when every contributor sent it (v2): never a sum over some of them.
         CASE WHEN count(s.install_id) FILTER (WHERE s.warnings_played IS NULL) = 0
              THEN coalesce(sum(s.warnings_played), 0)::int END
    FROM teams t
    LEFT JOIN weekly_summaries s ON s.team_id = t.id AND s.week = $1
   GROUP BY t.id`;

const FREEZE_ABUSE = `
  INSERT INTO team_week_abuse (team_id, week, category, marks)
  SELECT s.team_id, s.week, a.category, sum(a.marks)::int
    FROM weekly_summaries s JOIN summary_abuse a ON a.install_id = s.install_id AND a.week = s.week
   WHERE s.week = $1
   GROUP BY s.team_id, s.week, a.category`;

/** Freezes every closed week not frozen yet; returns the weeks frozen now. */
export async function freezeClosedWeeks(db: Db, now: number, closeAfterDays: number): Promise<string[]> {
  // A week is closed when its start is at least (7 + closeAfterDays) days ago.
  const latestClosedStart = new Date(now - (7 + closeAfterDays) * DAY_MS).toISOString().slice(0, 10);
  // Every week from the first summary ever (or the week after the newest frozen one) to the
  // latest closed one, including weeks nobody shared (their teams freeze at 0 contributors, so a
  // later arrival cannot make one appear). Usually none: a cheap query before each figures read.
  const { rows } = await db.query<{ week: string }>(
    `SELECT to_char(d, 'IYYY-"W"IW') AS week
       FROM generate_series(
              coalesce((SELECT max(week_start) + 7 FROM frozen_weeks),
                       (SELECT min(week_start) FROM weekly_summaries))::timestamp,
              $1::date::timestamp, interval '7 days') AS d
      ORDER BY d`,
    [latestClosedStart],
  );
  const frozen: string[] = [];
  for (const { week } of rows) {
    const start = isoWeekStart(week);
    if (!start || weekClosesAt(start, closeAfterDays).getTime() > now) continue;
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [FREEZE_LOCK]);
      const claimed = await tx.query(
        `INSERT INTO frozen_weeks (week, week_start, frozen_at) VALUES ($1, $2, $3) ON CONFLICT (week) DO NOTHING`,
        [week, start.toISOString().slice(0, 10), new Date(now)],
      );
      if (claimed.rowCount === 0) return false;
      await tx.query(FREEZE_FIGURES, [week]);
      await tx.query(FREEZE_ABUSE, [week]);
      return true;
    });
    if (done) frozen.push(week);
  }
  return frozen;
}

/** Freezes now and then every `freezeEveryMs` on the injected clock; returns a stop function. */
export function startFreezing(deps: CollectorDeps): () => void {
  const { db, clock, config, logger } = deps;
  let handle: unknown = null;
  let stopped = false;
  const tick = async (): Promise<void> => {
    try {
      const weeks = await freezeClosedWeeks(db, clock.now(), config.closeWeeksAfterDays);
      if (weeks.length > 0) logger.info({ weeks }, 'weeks frozen');
    } catch (error) {
      logger.error({ errName: (error as Error).name }, 'freezing closed weeks failed');
    }
    if (!stopped) handle = clock.setTimeout(() => void tick(), config.freezeEveryMs);
  };
  handle = clock.setTimeout(() => void tick(), 0);
  return () => {
    stopped = true;
    clock.clearTimeout(handle);
  };
}
