/**
 * One week's figures as an agent may choose to share them with their team (payload v2 in
 * preload/schemas/team-summary.ts): counts, minutes and moods only. These queries read no note,
 * no tag, no caller name, number or Call-ID, and no time finer than the week.
 */
import type Database from 'better-sqlite3';

import { ABUSE_CATEGORIES, type AbuseCategory } from './marks';
import { statement } from './statements';

export interface TeamWeekFigures {
  callsHandled: number;
  abusiveMarks: { total: number; byCategory: Record<AbuseCategory, number> };
  proudMarks: number;
  breaks: { taken: number; seconds: number; extended: number; endedEarly: number };
  reflectionsCompleted: number;
  /** Moods (1–5) of reflections that followed a break, lowest first. */
  moodsAfterBreak: number[];
  /**
   * Recorded warnings played to callers (call_warnings, any kind: a final warning counts as one),
   * except those that failed to play (the caller heard nothing). One still playing counts.
   */
  warningsPlayed: number;
}

/**
 * Answered calls, marks still standing, breaks, reflections and warnings played (not 'failed')
 * that started in [start, end).
 */
export const TEAM_WEEK_COUNTS_SQL = `SELECT
  (SELECT count(*) FROM calls
     WHERE started_at >= @start AND started_at < @end AND answered_at IS NOT NULL) AS callsHandled,
  (SELECT count(*) FROM call_marks
     WHERE created_at >= @start AND created_at < @end AND undone_at IS NULL AND kind = 'abusive') AS abusive,
  (SELECT count(*) FROM call_marks
     WHERE created_at >= @start AND created_at < @end AND undone_at IS NULL AND kind = 'proud') AS proud,
  (SELECT count(*) FROM breaks WHERE started_at >= @start AND started_at < @end) AS breaksTaken,
  (SELECT coalesce(sum(actual_seconds), 0) FROM breaks
     WHERE started_at >= @start AND started_at < @end) AS breakSeconds,
  (SELECT count(*) FROM breaks WHERE started_at >= @start AND started_at < @end
     AND (extended_seconds > 0 OR ended_how = 'extended-and-completed')) AS breaksExtended,
  (SELECT count(*) FROM breaks
     WHERE started_at >= @start AND started_at < @end AND ended_how = 'ended-early') AS breaksEndedEarly,
  (SELECT count(*) FROM reflections WHERE created_at >= @start AND created_at < @end) AS reflections,
  (SELECT count(*) FROM call_warnings WHERE started_at >= @start AND started_at < @end
     AND outcome IS NOT 'failed') AS warningsPlayed`;

/** Abusive marks per category (a mark may carry several). */
export const TEAM_WEEK_CATEGORIES_SQL = `SELECT category, count(*) AS marks
  FROM call_marks JOIN call_mark_categories ON call_mark_categories.mark_id = call_marks.id
  WHERE call_marks.created_at >= @start AND call_marks.created_at < @end
    AND call_marks.undone_at IS NULL AND call_marks.kind = 'abusive'
  GROUP BY category`;

/** The mood of each reflection that followed a break, for the median. */
export const TEAM_WEEK_MOODS_SQL = `SELECT mood FROM reflections
  WHERE created_at >= @start AND created_at < @end AND break_id IS NOT NULL
  ORDER BY mood`;

interface CountsRow {
  callsHandled: number;
  abusive: number;
  proud: number;
  breaksTaken: number;
  breakSeconds: number;
  breaksExtended: number;
  breaksEndedEarly: number;
  reflections: number;
  warningsPlayed: number;
}

export function teamWeekFigures(
  db: Database.Database,
  { start, end }: { start: number; end: number },
): TeamWeekFigures {
  const range = { start, end };
  const counts = statement(db, TEAM_WEEK_COUNTS_SQL).get(range) as CountsRow;
  const byCategory = Object.fromEntries(ABUSE_CATEGORIES.map((category) => [category, 0])) as Record<
    AbuseCategory,
    number
  >;
  const rows = statement(db, TEAM_WEEK_CATEGORIES_SQL).all(range) as Array<{
    category: AbuseCategory;
    marks: number;
  }>;
  for (const row of rows) byCategory[row.category] = row.marks;
  const moods = statement(db, TEAM_WEEK_MOODS_SQL).all(range) as Array<{ mood: number }>;
  return {
    callsHandled: counts.callsHandled,
    abusiveMarks: { total: counts.abusive, byCategory },
    proudMarks: counts.proud,
    breaks: {
      taken: counts.breaksTaken,
      seconds: counts.breakSeconds,
      extended: counts.breaksExtended,
      endedEarly: counts.breaksEndedEarly,
    },
    reflectionsCompleted: counts.reflections,
    moodsAfterBreak: moods.map((row) => row.mood),
    warningsPlayed: counts.warningsPlayed,
  };
}
