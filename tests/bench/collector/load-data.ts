/**
 * The benchmark's data set on a real PostgreSQL: TEAMS teams of AGENTS_PER_TEAM enrolled installs
 * (tokens kept for the load), each with WEEKS weekly summaries (a third of the agents share with their name), loaded in bulk
 * through the collector's own schema, then the closed weeks frozen by the collector's code.
 */
import { randomUUID } from 'node:crypto';

import type { Db } from '../../../collector/src/db/store';
import { newInstallToken, sha256Hex } from '../../../collector/src/enrollment/secrets';
import { isoWeekOf, weeksEndingWith } from '../../../collector/src/summaries/iso-week';
import { isoWeekStart } from '../../../collector/src/summaries/iso-week';
import { createTeam, freezeClosedWeeks } from '../../../collector/src/teams';

export const TEAMS = 50;
export const AGENTS_PER_TEAM = 40;
export const WEEKS = 52;

export interface LoadedData {
  teamIds: string[];
  tokens: string[];
  /** The WEEKS closed weeks loaded, oldest first. */
  weeks: string[];
  rows: number;
}

export async function loadData(db: Db, now: number, closeAfterDays: number): Promise<LoadedData> {
  const lastClosed = isoWeekOf(new Date(now - (7 + closeAfterDays + 7) * 86_400_000));
  const weeks = weeksEndingWith(lastClosed, WEEKS);
  const teamIds: string[] = [];
  const tokens: string[] = [];
  for (let team = 0; team < TEAMS; team += 1) {
    const { id } = await createTeam(db, `Bench team ${team + 1}`, new Date(now));
    teamIds.push(id);
    const ids = Array.from({ length: AGENTS_PER_TEAM }, () => randomUUID());
    const teamTokens = ids.map(() => newInstallToken());
    tokens.push(...teamTokens);
    await db.query(
      `INSERT INTO installs (id, team_id, label, token_sha256, enrolled_at)
       SELECT i.id, $1, 'BENCH-PC', i.hash, now() FROM unnest($2::uuid[], $3::text[]) AS i (id, hash)`,
      [id, ids, teamTokens.map((token) => sha256Hex(token))],
    );
  }
  const starts = weeks.map((week) => isoWeekStart(week)?.toISOString().slice(0, 10));
  await db.query(
    `INSERT INTO weekly_summaries (install_id, week, team_id, week_start, payload_version, consent, agent_name,
       calls_handled, abusive_total, proud_marks, breaks_taken, break_minutes, breaks_extended, breaks_ended_early,
       reflections_completed, median_mood, check_in_requested, body_sha256, received_at)
     SELECT i.id, w.week, i.team_id, w.start::date, 1,
            CASE WHEN abs(hashtext(i.id::text)) % 3 = 0 THEN 'named' ELSE 'anonymous' END,
            CASE WHEN abs(hashtext(i.id::text)) % 3 = 0 THEN 'Agent ' || left(i.id::text, 8) END,
            (20 + random() * 60)::int, (random() * 6)::int, (random() * 4)::int, (random() * 5)::int,
            random() * 40, (random() * 2)::int, (random() * 1)::int, (random() * 4)::int,
            1 + random() * 4, random() < 0.05, repeat('0', 64), now()
       FROM installs i CROSS JOIN unnest($1::text[], $2::text[]) AS w (week, start)`,
    [weeks, starts],
  );
  await db.query(
    `INSERT INTO summary_abuse (install_id, week, category, marks)
     SELECT s.install_id, s.week, c.category, (random() * 2)::int
       FROM weekly_summaries s CROSS JOIN unnest(ARRAY['shouting', 'insults', 'threats']) AS c (category)`,
  );
  await freezeClosedWeeks(db, now, closeAfterDays);
  // As autovacuum would have by the time a lead looks: planner statistics for the loaded tables.
  await db.query('ANALYZE');
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM weekly_summaries');
  return { teamIds, tokens, weeks, rows: rows[0]?.n ?? 0 };
}
