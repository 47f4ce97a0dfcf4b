/**
 * Team figures for many teams at once, set-based (one join instead of a sub-query per week):
 * teams_figures(k, teams, weeks) applies exactly the rules of team_figures (migration 002), which
 * now reads through it, so the privacy rule is written once.
 */
import type { Migration } from './migration';

const FIGURE_COLUMNS = `
  week text, status text, contributors integer, calls_handled integer, abusive_total integer,
  abusive_by_category jsonb, proud_marks integer, breaks_taken integer,
  break_minutes double precision, breaks_extended integer, breaks_ended_early integer,
  reflections_completed integer, median_mood double precision, check_in_requests_anonymous integer`;

export const teamsFigures: Migration = {
  version: 3,
  name: 'teams-figures',
  statements: [
    `CREATE FUNCTION teams_figures(p_k integer, p_teams uuid[], p_weeks text[])
     RETURNS TABLE (team_id uuid, ${FIGURE_COLUMNS})
     LANGUAGE sql STABLE AS $$
       WITH asked AS (
         SELECT t.team_id, w.week
           FROM (SELECT DISTINCT unnest(p_teams) AS team_id) t
          CROSS JOIN (SELECT DISTINCT unnest(p_weeks) AS week) w
       ), abuse AS (
         SELECT x.team_id, x.week, jsonb_object_agg(x.category, x.marks) AS by_category
           FROM team_week_abuse x
          WHERE x.team_id = ANY (p_teams) AND x.week = ANY (p_weeks)
          GROUP BY x.team_id, x.week
       )
       SELECT a.team_id, a.week,
              CASE WHEN fw.week IS NULL THEN 'open' WHEN v.visible THEN 'published' ELSE 'suppressed' END,
              CASE WHEN v.visible THEN f.contributors END,
              CASE WHEN v.visible THEN f.calls_handled END,
              CASE WHEN v.visible THEN f.abusive_total END,
              CASE WHEN v.visible THEN coalesce(ab.by_category, '{}'::jsonb) END,
              CASE WHEN v.visible THEN f.proud_marks END,
              CASE WHEN v.visible THEN f.breaks_taken END,
              CASE WHEN v.visible THEN f.break_minutes END,
              CASE WHEN v.visible THEN f.breaks_extended END,
              CASE WHEN v.visible THEN f.breaks_ended_early END,
              CASE WHEN v.visible THEN f.reflections_completed END,
              CASE WHEN v.visible THEN f.median_mood END,
              CASE WHEN v.visible THEN f.check_in_requests_anonymous END
         FROM asked a
         LEFT JOIN frozen_weeks fw ON fw.week = a.week
         LEFT JOIN team_week_figures f ON f.team_id = a.team_id AND f.week = a.week
         LEFT JOIN abuse ab ON ab.team_id = a.team_id AND ab.week = a.week
        CROSS JOIN LATERAL (
          SELECT coalesce(
            f.contributors >= greatest(p_k, 3)
            AND (f.anonymous_contributors = 0 OR f.anonymous_contributors >= greatest(p_k, 3)),
            false) AS visible
        ) v
        ORDER BY a.team_id, a.week
     $$`,
    `CREATE OR REPLACE FUNCTION team_figures(p_k integer, p_team uuid, p_weeks text[])
     RETURNS TABLE (${FIGURE_COLUMNS})
     LANGUAGE sql STABLE AS $$
       SELECT r.week, r.status, r.contributors, r.calls_handled, r.abusive_total,
              r.abusive_by_category, r.proud_marks, r.breaks_taken, r.break_minutes,
              r.breaks_extended, r.breaks_ended_early, r.reflections_completed, r.median_mood,
              r.check_in_requests_anonymous
         FROM teams_figures(p_k, ARRAY[p_team], p_weeks) r
        ORDER BY r.week
     $$`,
  ],
};
