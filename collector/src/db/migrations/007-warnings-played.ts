/**
 * Payload v2 (issue 15): how many recorded warnings an agent played that week, a number only.
 * NULL where it is not known: a v1 summary (an older app), and a team-week frozen before this
 * migration or in which any contributor sent v1 — a sum over only some contributors would not be
 * the team's figure, and its set of agents would differ from the one k protects.
 *
 * The figure goes through the same functions, and the same `visible` rule, as every other one:
 * team_figures / teams_figures withhold it unless the week is published (k distinct agents, and
 * anonymous contributors none or at least k); named_summaries carries a named row's own figure.
 * A function's result columns cannot change in place, so the three are dropped and recreated
 * (their rules exactly as in 002 and 003, with the new column).
 */
import type { Migration } from './migration';

const FIGURE_COLUMNS = `
  week text, status text, contributors integer, calls_handled integer, abusive_total integer,
  abusive_by_category jsonb, proud_marks integer, breaks_taken integer,
  break_minutes double precision, breaks_extended integer, breaks_ended_early integer,
  reflections_completed integer, median_mood double precision, check_in_requests_anonymous integer,
  warnings_played integer`;

export const warningsPlayed: Migration = {
  version: 7,
  name: 'warnings-played',
  statements: [
    `ALTER TABLE weekly_summaries ADD COLUMN warnings_played integer
       CONSTRAINT warnings_played_not_negative CHECK (warnings_played >= 0)`,
    // v1 knows nothing of warnings; v2 always says how many.
    `ALTER TABLE weekly_summaries ADD CONSTRAINT warnings_played_from_v2
       CHECK ((payload_version >= 2) = (warnings_played IS NOT NULL))`,
    // A nullable column without a default: adding it rewrites no frozen row (the write-once
    // trigger is never asked), and every week frozen before now reads as not known.
    `ALTER TABLE team_week_figures ADD COLUMN warnings_played integer`,
    `DROP FUNCTION team_figures(integer, uuid, text[])`,
    `DROP FUNCTION teams_figures(integer, uuid[], text[])`,
    `DROP FUNCTION named_summaries(uuid, uuid, text[])`,
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
              CASE WHEN v.visible THEN f.check_in_requests_anonymous END,
              CASE WHEN v.visible THEN f.warnings_played END
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
    `CREATE FUNCTION team_figures(p_k integer, p_team uuid, p_weeks text[])
     RETURNS TABLE (${FIGURE_COLUMNS})
     LANGUAGE sql STABLE AS $$
       SELECT r.week, r.status, r.contributors, r.calls_handled, r.abusive_total,
              r.abusive_by_category, r.proud_marks, r.breaks_taken, r.break_minutes,
              r.breaks_extended, r.breaks_ended_early, r.reflections_completed, r.median_mood,
              r.check_in_requests_anonymous, r.warnings_played
         FROM teams_figures(p_k, ARRAY[p_team], p_weeks) r
        ORDER BY r.week
     $$`,
    `CREATE FUNCTION named_summaries(p_lead uuid, p_team uuid, p_weeks text[])
     RETURNS TABLE (
       install_id uuid, week text, agent_name text, calls_handled integer, abusive_total integer,
       abusive_by_category jsonb, proud_marks integer, breaks_taken integer,
       break_minutes double precision, breaks_extended integer, breaks_ended_early integer,
       reflections_completed integer, median_mood double precision, check_in_requested boolean,
       received_at timestamptz, warnings_played integer
     )
     LANGUAGE sql STABLE AS $$
       SELECT s.install_id, s.week, s.agent_name, s.calls_handled, s.abusive_total,
              (SELECT coalesce(jsonb_object_agg(x.category, x.marks), '{}'::jsonb)
                 FROM summary_abuse x WHERE x.install_id = s.install_id AND x.week = s.week),
              s.proud_marks, s.breaks_taken, s.break_minutes, s.breaks_extended,
              s.breaks_ended_early, s.reflections_completed, s.median_mood,
              s.check_in_requested, s.received_at, s.warnings_played
         FROM weekly_summaries s
         JOIN lead_teams lt ON lt.team_id = s.team_id AND lt.lead_id = p_lead
        WHERE s.team_id = p_team AND s.consent = 'named' AND s.week = ANY (p_weeks)
        ORDER BY s.week, s.agent_name
     $$`,
  ],
};
