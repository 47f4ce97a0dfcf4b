/**
 * The dashboard's reads, only through the collector's privacy layer (teams/figures.ts over the
 * SQL functions of migration 002): teamFiguresForLead gives a team-week's frozen figures only
 * when it meets k (and its anonymous contributors are none or at least k), namedSummariesForLead
 * gives named rows only to a lead of that team. Nothing here reads weekly_summaries directly.
 */
import { AbuseCategory } from '../../../preload/schemas/common';
import type { CategoryCounts } from '../../../preload/schemas/team-summary';
import type { CollectorDeps } from '../app';
import { isoWeekStart, weekClosesAt } from '../summaries/iso-week';
import { namedSummariesForLead, teamFiguresForLead, type NamedWeekSummary } from '../teams';

import type { CheckIns, NamedRow, TeamWeek, WeekFigures } from './schemas';

type Deps = Pick<CollectorDeps, 'db' | 'clock' | 'config'>;
export interface LeadQuery {
  leadId: string;
  teamId: string;
}

interface Totals {
  contributors: number;
  breaksTaken: number;
  breakMinutes: number;
  abusiveTotal: number;
  abusiveByCategory: Record<string, number> | null;
  breaksExtended: number;
  medianMoodAfterBreak: number | null;
  warningsPlayed: number | null;
}

function isClosed(week: string, deps: Deps): boolean {
  const start = isoWeekStart(week);
  return start !== null && weekClosesAt(start, deps.config.closeWeeksAfterDays).getTime() <= deps.clock.now();
}

const tenth = (value: number) => Math.round(value * 10) / 10;

function categories(raw: Record<string, number> | null): CategoryCounts {
  return Object.fromEntries(AbuseCategory.options.map((c) => [c, Number(raw?.[c] ?? 0)])) as CategoryCounts;
}

function figures(totals: Totals): WeekFigures {
  const { contributors, breaksTaken: breaks } = totals;
  return {
    contributors,
    breaksPerAgent: contributors > 0 ? tenth(breaks / contributors) : 0,
    breakMinutes: tenth(totals.breakMinutes),
    abusiveTotal: totals.abusiveTotal,
    abusiveByCategory: categories(totals.abusiveByCategory),
    extendedShare: breaks > 0 ? Math.round((totals.breaksExtended / breaks) * 100) / 100 : null,
    medianMood: totals.medianMoodAfterBreak === null ? null : tenth(totals.medianMoodAfterBreak),
    warningsPlayed: totals.warningsPlayed,
  };
}

/** Each asked week as shown, suppressed or still open; null when the lead does not lead the team. */
export async function teamWeeks(deps: Deps, query: LeadQuery, weeks: string[]): Promise<TeamWeek[] | null> {
  const rows = await teamFiguresForLead(deps, { ...query, weeks });
  if (!rows) return null;
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  return weeks.map((week): TeamWeek => {
    const row = byWeek.get(week);
    // A closed week nobody shared is never frozen: it reads 'open', but is simply below k.
    if (!row || row.status === 'open') return { week, status: isClosed(week, deps) ? 'suppressed' : 'open' };
    if (row.status !== 'published') return { week, status: 'suppressed' };
    return {
      week,
      status: 'shown',
      figures: figures({
        contributors: Number(row.contributors),
        breaksTaken: Number(row.breaksTaken),
        breakMinutes: Number(row.breakMinutes),
        abusiveTotal: Number(row.abusiveTotal),
        abusiveByCategory: row.abusiveByCategory,
        breaksExtended: Number(row.breaksExtended),
        medianMoodAfterBreak: row.medianMoodAfterBreak === null ? null : Number(row.medianMoodAfterBreak),
        warningsPlayed: row.warningsPlayed === null ? null : Number(row.warningsPlayed),
      }),
    };
  });
}

const namedFigures = (row: NamedWeekSummary) => figures({ ...row, contributors: 1 });

/** One row per named agent-week of this team, oldest week first, then by name. */
export async function namedRows(deps: Deps, query: LeadQuery, weeks: string[]): Promise<NamedRow[]> {
  const rows = await namedSummariesForLead(deps, { ...query, weeks });
  return rows.map((row) => ({ week: row.week, agentName: row.agentName, figures: namedFigures(row) }));
}

/**
 * Check-in requests for one week: named agents by name (with when a lead marked it done);
 * anonymous ones only as a count, and only when the frozen week is published (meets k).
 */
export async function checkIns(deps: Deps, query: LeadQuery, week: string): Promise<CheckIns> {
  const named = (await namedSummariesForLead(deps, { ...query, weeks: [week] })).filter(
    (r) => r.checkInRequested,
  );
  const { rows: done } = await deps.db.query<{ install_id: string; done_at: Date }>(
    'SELECT install_id, done_at FROM check_ins_done WHERE week = $1 AND install_id = ANY($2::uuid[])',
    [week, named.map((row) => row.installId)],
  );
  const doneAt = new Map(done.map((row) => [row.install_id, new Date(row.done_at).toISOString()]));
  const team = (await teamFiguresForLead(deps, { ...query, weeks: [week] }))?.[0];
  return {
    week,
    named: named.map((row) => ({
      id: row.installId,
      agentName: row.agentName,
      doneAt: doneAt.get(row.installId) ?? null,
    })),
    anonymousCount: team?.status === 'published' ? Number(team.anonymousCheckInRequests ?? 0) : null,
  };
}

/** Marks a named request done (once; the first time stays); null when there is no such request. */
export async function markCheckInDone(
  deps: Deps,
  input: LeadQuery & { installId: string; week: string; now: Date },
): Promise<Date | null> {
  const { rows } = await deps.db.query<{ done_at: Date }>(
    `INSERT INTO check_ins_done (install_id, week, lead_id, done_at)
     SELECT n.install_id, n.week, $4, $5 FROM named_summaries($4, $3, ARRAY[$2]::text[]) n
      WHERE n.install_id = $1 AND n.check_in_requested
     ON CONFLICT (install_id, week) DO UPDATE SET done_at = check_ins_done.done_at
     RETURNING done_at`,
    [input.installId, input.week, input.teamId, input.leadId, input.now],
  );
  return rows[0] ? new Date(rows[0].done_at) : null;
}
