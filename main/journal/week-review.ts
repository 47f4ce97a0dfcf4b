/** "My week, in pictures": per day, breaks, abusive marks and the mood after breaks (local journal only). */
import type Database from 'better-sqlite3';

import { statement } from './statements';

export const DAY_BREAKS_COUNT_SQL =
  'SELECT count(*) AS n FROM breaks WHERE started_at >= ? AND started_at < ?';
export const DAY_ABUSIVE_MARKS_SQL = `SELECT count(*) AS n FROM call_marks
  WHERE created_at >= ? AND created_at < ? AND kind = 'abusive' AND undone_at IS NULL`;
/** The mood (1–5) the agent gave in the reflections after breaks. */
export const DAY_MOOD_SQL = `SELECT avg(mood) AS mood FROM reflections
  WHERE created_at >= ? AND created_at < ? AND break_id IS NOT NULL`;

export interface DayFigures {
  from: number;
  breaks: number;
  abusive: number;
  /** The mean mood after breaks that day, one decimal; null when there was no reflection. */
  mood: number | null;
}

/** The figures of one day, `from` to `to` (excluded). */
export function dayFigures(db: Database.Database, from: number, to: number): DayFigures {
  const count = (sql: string) => (statement(db, sql).get(from, to) as { n: number }).n;
  const { mood } = statement(db, DAY_MOOD_SQL).get(from, to) as { mood: number | null };
  return {
    from,
    breaks: count(DAY_BREAKS_COUNT_SQL),
    abusive: count(DAY_ABUSIVE_MARKS_SQL),
    mood: mood === null ? null : Math.round(mood * 10) / 10,
  };
}
