/**
 * Privacy where the data is: the only two ways a lead's route reads summaries.
 *
 * team_figures(k, team, weeks): a team's frozen figures for each asked week. 'open' until the week
 * has closed and been frozen; 'suppressed' (every figure null, contributor count too) unless at
 * least k distinct agents contributed AND the anonymous contributors are none or at least k, so
 * subtracting the named rows a lead can read never isolates fewer than k anonymous agents.
 * k below 3 is treated as 3 whatever the caller passes.
 *
 * named_summaries(lead, team, weeks): 'named' rows only, and only when the lead leads that team.
 *
 * The frozen tables are write-once (a trigger refuses UPDATE and DELETE), so a later revocation
 * or late arrival can never be used to subtract one agent out of a published week.
 */
import type { Migration } from './migration';

const WRITE_ONCE = ['frozen_weeks', 'team_week_figures', 'team_week_abuse'];

export const teamFigures: Migration = {
  version: 2,
  name: 'team-figures',
  statements: [
    `CREATE FUNCTION refuse_frozen_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'frozen team figures are written once and never changed (%)', TG_TABLE_NAME;
     END $$`,
    ...WRITE_ONCE.map(
      (table) =>
        `CREATE TRIGGER ${table}_write_once BEFORE UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION refuse_frozen_change()`,
    ),
    `CREATE FUNCTION team_figures(p_k integer, p_team uuid, p_weeks text[])
     RETURNS TABLE (
       week text, status text, contributors integer, calls_handled integer, abusive_total integer,
       abusive_by_category jsonb, proud_marks integer, breaks_taken integer,
       break_minutes double precision, breaks_extended integer, breaks_ended_early integer,
       reflections_completed integer, median_mood double precision,
       check_in_requests_anonymous integer
     )
     LANGUAGE sql STABLE AS $$
       SELECT a.week,
              CASE WHEN fw.week IS NULL THEN 'open' WHEN v.visible THEN 'published' ELSE 'suppressed' END,
              CASE WHEN v.visible THEN f.contributors END,
              CASE WHEN v.visible THEN f.calls_handled END,
              CASE WHEN v.visible THEN f.abusive_total END,
              CASE WHEN v.visible THEN (
                SELECT coalesce(jsonb_object_agg(x.category, x.marks), '{}'::jsonb)
                  FROM team_week_abuse x WHERE x.team_id = p_team AND x.week = a.week) END,
              CASE WHEN v.visible THEN f.proud_marks END,
              CASE WHEN v.visible THEN f.breaks_taken END,
              CASE WHEN v.visible THEN f.break_minutes END,
              CASE WHEN v.visible THEN f.breaks_extended END,
              CASE WHEN v.visible THEN f.breaks_ended_early END,
              CASE WHEN v.visible THEN f.reflections_completed END,
              CASE WHEN v.visible THEN f.median_mood END,
              CASE WHEN v.visible THEN f.check_in_requests_anonymous END
         FROM (SELECT DISTINCT unnest(p_weeks) AS week) a
         LEFT JOIN frozen_weeks fw ON fw.week = a.week
         LEFT JOIN team_week_figures f ON f.team_id = p_team AND f.week = a.week
         CROSS JOIN LATERAL (
           SELECT coalesce(
             f.contributors >= greatest(p_k, 3)
             AND (f.anonymous_contributors = 0 OR f.anonymous_contributors >= greatest(p_k, 3)),
             false) AS visible
         ) v
        ORDER BY a.week
     $$`,
    `CREATE FUNCTION named_summaries(p_lead uuid, p_team uuid, p_weeks text[])
     RETURNS TABLE (
       install_id uuid, week text, agent_name text, calls_handled integer, abusive_total integer,
       abusive_by_category jsonb, proud_marks integer, breaks_taken integer,
       break_minutes double precision, breaks_extended integer, breaks_ended_early integer,
       reflections_completed integer, median_mood double precision, check_in_requested boolean,
       received_at timestamptz
     )
     LANGUAGE sql STABLE AS $$
       SELECT s.install_id, s.week, s.agent_name, s.calls_handled, s.abusive_total,
              (SELECT coalesce(jsonb_object_agg(x.category, x.marks), '{}'::jsonb)
                 FROM summary_abuse x WHERE x.install_id = s.install_id AND x.week = s.week),
              s.proud_marks, s.breaks_taken, s.break_minutes, s.breaks_extended,
              s.breaks_ended_early, s.reflections_completed, s.median_mood,
              s.check_in_requested, s.received_at
         FROM weekly_summaries s
         JOIN lead_teams lt ON lt.team_id = s.team_id AND lt.lead_id = p_lead
        WHERE s.team_id = p_team AND s.consent = 'named' AND s.week = ANY (p_weeks)
        ORDER BY s.week, s.agent_name
     $$`,
  ],
};
