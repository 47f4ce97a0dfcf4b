/**
 * An install's own weekly summaries: the idempotent upsert keyed by (install, ISO week), the
 * deletes behind "revoke", and the list of what the collector holds. An anonymous summary is
 * stored with no name (the table's constraint refuses one anyway).
 */
import type { WeeklySummaryPayload } from '../../../preload/schemas/team-summary';
import type { Queryable } from '../db/store';

export interface StoredWeek {
  week: string;
  consent: 'anonymous' | 'named';
  receivedAt: string;
  sha256: string;
}

/**
 * One statement (atomic on its own, one round trip): the summary row and its per-category marks.
 * Every category is always present (CategoryCounts is strict and complete), so upserting each
 * category row replaces the old marks without a delete.
 */
const UPSERT = `
  WITH summary AS (
    INSERT INTO weekly_summaries (
      install_id, week, team_id, week_start, payload_version, consent, agent_name, calls_handled,
      abusive_total, proud_marks, breaks_taken, break_minutes, breaks_extended, breaks_ended_early,
      reflections_completed, median_mood, check_in_requested, body_sha256, received_at,
      warnings_played)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $22)
    ON CONFLICT (install_id, week) DO UPDATE SET
      team_id = EXCLUDED.team_id, week_start = EXCLUDED.week_start,
      payload_version = EXCLUDED.payload_version, consent = EXCLUDED.consent,
      agent_name = EXCLUDED.agent_name, calls_handled = EXCLUDED.calls_handled,
      abusive_total = EXCLUDED.abusive_total, proud_marks = EXCLUDED.proud_marks,
      breaks_taken = EXCLUDED.breaks_taken, break_minutes = EXCLUDED.break_minutes,
      breaks_extended = EXCLUDED.breaks_extended, breaks_ended_early = EXCLUDED.breaks_ended_early,
      reflections_completed = EXCLUDED.reflections_completed, median_mood = EXCLUDED.median_mood,
      check_in_requested = EXCLUDED.check_in_requested, body_sha256 = EXCLUDED.body_sha256,
      received_at = EXCLUDED.received_at, warnings_played = EXCLUDED.warnings_played
    RETURNING install_id, week)
  INSERT INTO summary_abuse (install_id, week, category, marks)
  SELECT summary.install_id, summary.week, c.category, c.marks
    FROM summary, unnest($20::text[], $21::int[]) AS c (category, marks)
  ON CONFLICT (install_id, week, category) DO UPDATE SET marks = EXCLUDED.marks`;

export async function upsertWeek(
  db: Queryable,
  input: {
    installId: string;
    teamId: string;
    weekStart: Date;
    summary: WeeklySummaryPayload;
    sha256: string;
    receivedAt: Date;
  },
): Promise<void> {
  const { summary: s } = input;
  const categories = Object.entries(s.abusiveMarks.byCategory);
  await db.query(UPSERT, [
    input.installId,
    s.week,
    input.teamId,
    input.weekStart.toISOString().slice(0, 10),
    s.version,
    s.consent,
    s.consent === 'named' ? (s.agentName ?? null) : null,
    s.callsHandled,
    s.abusiveMarks.total,
    s.proudMarks,
    s.breaks.taken,
    s.breaks.minutes,
    s.breaks.extended,
    s.breaks.endedEarly,
    s.reflectionsCompleted,
    s.medianMoodAfterBreak,
    s.checkInRequested,
    input.sha256,
    input.receivedAt,
    categories.map(([category]) => category),
    categories.map(([, marks]) => marks),
    // v1 (an older app) knows nothing of warnings: stored as NULL, never as 0.
    s.version === 2 ? s.warningsPlayed : null,
  ]);
}

/** Deletes one week (or every week when `week` is null); returns how many rows went. */
export async function deleteWeeks(db: Queryable, installId: string, week: string | null): Promise<number> {
  const result = week
    ? await db.query('DELETE FROM weekly_summaries WHERE install_id = $1 AND week = $2', [installId, week])
    : await db.query('DELETE FROM weekly_summaries WHERE install_id = $1', [installId]);
  return result.rowCount;
}

export async function listHeldWeeks(db: Queryable, installId: string): Promise<StoredWeek[]> {
  const { rows } = await db.query<{
    week: string;
    consent: 'anonymous' | 'named';
    received_at: Date;
    body_sha256: string;
  }>(
    `SELECT week, consent, received_at, body_sha256 FROM weekly_summaries WHERE install_id = $1 ORDER BY week`,
    [installId],
  );
  return rows.map((row) => ({
    week: row.week,
    consent: row.consent,
    receivedAt: new Date(row.received_at).toISOString(),
    sha256: row.body_sha256,
  }));
}
