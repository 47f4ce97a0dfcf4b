/**
 * Aggregated figures for one week: counts and averages only, never a note or a caller. This is
 * the most an agent can ever choose to share with their team lead.
 */
import type Database from 'better-sqlite3';

import { statement } from './statements';

export interface WeeklySummary {
  calls: number;
  abusiveMarks: number;
  proudMarks: number;
  breaks: number;
  breakSeconds: number;
  averageBreakSeconds: number | null;
  reflections: number;
  averageMood: number | null;
}

export const WEEKLY_SUMMARY_SQL = `SELECT
  (SELECT count(*) FROM calls WHERE started_at >= @start AND started_at < @end) AS calls,
  (SELECT count(*) FILTER (WHERE kind = 'abusive') FROM call_marks
     WHERE created_at >= @start AND created_at < @end AND undone_at IS NULL) AS abusiveMarks,
  (SELECT count(*) FILTER (WHERE kind = 'proud') FROM call_marks
     WHERE created_at >= @start AND created_at < @end AND undone_at IS NULL) AS proudMarks,
  (SELECT count(*) FROM breaks WHERE started_at >= @start AND started_at < @end) AS breaks,
  (SELECT coalesce(sum(actual_seconds), 0) FROM breaks WHERE started_at >= @start AND started_at < @end) AS breakSeconds,
  (SELECT avg(actual_seconds) FROM breaks WHERE started_at >= @start AND started_at < @end) AS averageBreakSeconds,
  (SELECT count(*) FROM reflections WHERE created_at >= @start AND created_at < @end) AS reflections,
  (SELECT avg(mood) FROM reflections WHERE created_at >= @start AND created_at < @end) AS averageMood`;

export function weeklySummary(
  db: Database.Database,
  { weekStart, weekEnd }: { weekStart: number; weekEnd: number },
): WeeklySummary {
  return statement(db, WEEKLY_SUMMARY_SQL).get({ start: weekStart, end: weekEnd }) as WeeklySummary;
}
