/**
 * What a lead can read, for the dashboard's routes to build on: a team's frozen weekly figures
 * (k applied in SQL by team_figures) and the team's named summaries (named_summaries: only for
 * that team's leads). Nothing here can return an anonymous individual row. Both freeze closed
 * weeks first, so a read never shows a week that is still changing.
 */
import type { CollectorDeps } from '../app';
import { freezeClosedWeeks } from './freeze';

export { freezeClosedWeeks, startFreezing } from './freeze';

export type WeekStatus = 'open' | 'suppressed' | 'published';

export interface TeamWeekFigures {
  week: string;
  /** open: not closed yet; suppressed: fewer than k agents (every figure null); published. */
  status: WeekStatus;
  contributors: number | null;
  callsHandled: number | null;
  abusiveTotal: number | null;
  abusiveByCategory: Record<string, number> | null;
  proudMarks: number | null;
  breaksTaken: number | null;
  breakMinutes: number | null;
  breaksExtended: number | null;
  breaksEndedEarly: number | null;
  reflectionsCompleted: number | null;
  medianMoodAfterBreak: number | null;
  /** Anonymous contributors who asked for a check-in: a count only, only in published weeks. */
  anonymousCheckInRequests: number | null;
  /**
   * Recorded warnings played (payload v2): null when suppressed, and also in a published week in
   * which any contributor's app sent v1 (not known for everyone, so no team figure).
   */
  warningsPlayed: number | null;
}

export interface NamedWeekSummary {
  installId: string;
  week: string;
  agentName: string;
  callsHandled: number;
  abusiveTotal: number;
  abusiveByCategory: Record<string, number>;
  proudMarks: number;
  breaksTaken: number;
  breakMinutes: number;
  breaksExtended: number;
  breaksEndedEarly: number;
  reflectionsCompleted: number;
  medianMoodAfterBreak: number | null;
  checkInRequested: boolean;
  receivedAt: string;
  /** Null when the agent's app sent payload v1. */
  warningsPlayed: number | null;
}

type Deps = Pick<CollectorDeps, 'db' | 'clock' | 'config'>;

async function leadsTeam(deps: Deps, leadId: string, teamId: string): Promise<boolean> {
  const { rows } = await deps.db.query('SELECT 1 FROM lead_teams WHERE lead_id = $1 AND team_id = $2', [
    leadId,
    teamId,
  ]);
  return rows.length > 0;
}

/** The team's figures for each week asked, for one of its leads; null when not their team. */
export async function teamFiguresForLead(
  deps: Deps,
  query: { leadId: string; teamId: string; weeks: readonly string[] },
): Promise<TeamWeekFigures[] | null> {
  if (!(await leadsTeam(deps, query.leadId, query.teamId))) return null;
  await freezeClosedWeeks(deps.db, deps.clock.now(), deps.config.closeWeeksAfterDays);
  const { rows } = await deps.db.query<Record<string, unknown>>('SELECT * FROM team_figures($1, $2, $3)', [
    deps.config.k,
    query.teamId,
    [...query.weeks],
  ]);
  return rows.map((row) => ({
    week: row.week as string,
    status: row.status as WeekStatus,
    contributors: row.contributors as number | null,
    callsHandled: row.calls_handled as number | null,
    abusiveTotal: row.abusive_total as number | null,
    abusiveByCategory: row.abusive_by_category as Record<string, number> | null,
    proudMarks: row.proud_marks as number | null,
    breaksTaken: row.breaks_taken as number | null,
    breakMinutes: row.break_minutes as number | null,
    breaksExtended: row.breaks_extended as number | null,
    breaksEndedEarly: row.breaks_ended_early as number | null,
    reflectionsCompleted: row.reflections_completed as number | null,
    medianMoodAfterBreak: row.median_mood as number | null,
    anonymousCheckInRequests: row.check_in_requests_anonymous as number | null,
    warningsPlayed: row.warnings_played as number | null,
  }));
}

/** Named summaries of the team for the weeks asked; empty unless the lead leads that team. */
export async function namedSummariesForLead(
  deps: Pick<CollectorDeps, 'db'>,
  query: { leadId: string; teamId: string; weeks: readonly string[] },
): Promise<NamedWeekSummary[]> {
  const { rows } = await deps.db.query<Record<string, unknown>>('SELECT * FROM named_summaries($1, $2, $3)', [
    query.leadId,
    query.teamId,
    [...query.weeks],
  ]);
  return rows.map((row) => ({
    installId: row.install_id as string,
    week: row.week as string,
    agentName: row.agent_name as string,
    callsHandled: row.calls_handled as number,
    abusiveTotal: row.abusive_total as number,
    abusiveByCategory: row.abusive_by_category as Record<string, number>,
    proudMarks: row.proud_marks as number,
    breaksTaken: row.breaks_taken as number,
    breakMinutes: row.break_minutes as number,
    breaksExtended: row.breaks_extended as number,
    breaksEndedEarly: row.breaks_ended_early as number,
    reflectionsCompleted: row.reflections_completed as number,
    medianMoodAfterBreak: row.median_mood as number | null,
    checkInRequested: row.check_in_requested as boolean,
    receivedAt: new Date(row.received_at as string).toISOString(),
    warningsPlayed: row.warnings_played as number | null,
  }));
}
