/**
 * The reflection on offer after a break, as the journal knows it across restarts: the newest
 * ended break's reflection is saved (a `reflections` row), skipped (`reflection_skipped_at`), or
 * still on offer.
 */
import type Database from 'better-sqlite3';

import { statement } from './statements';

export interface OfferedReflection {
  breakId: number;
  callId: number | null;
}

interface NewestEnded {
  id: number;
  call_id: number | null;
  ended_at: number;
  skipped: number;
  saved: number;
}

/** Records that the agent skipped the reflection on this break (it is not offered again). */
export function skipReflectionOf(db: Database.Database, breakId: number, now: number): void {
  statement(
    db,
    'UPDATE breaks SET reflection_skipped_at = ? WHERE id = ? AND reflection_skipped_at IS NULL',
  ).run(now, breakId);
}

/**
 * The reflection still on offer: the newest break, if it ended as planned or early (not
 * interrupted) at or after `endedSince` (ms), and its reflection was neither saved nor skipped.
 */
export function reflectionOnOffer(db: Database.Database, endedSince: number): OfferedReflection | null {
  const newest = statement(
    db,
    `SELECT b.id, b.call_id, b.started_at + b.actual_seconds * 1000 AS ended_at,
        b.reflection_skipped_at IS NOT NULL AS skipped,
        EXISTS (SELECT 1 FROM reflections r WHERE r.break_id = b.id) AS saved
      FROM breaks b
      WHERE b.ended_how IN ('completed', 'ended-early', 'extended-and-completed')
        AND NOT EXISTS (SELECT 1 FROM breaks later WHERE later.started_at > b.started_at)
      ORDER BY b.started_at DESC, b.id DESC LIMIT 1`,
  ).get() as NewestEnded | undefined;
  if (!newest || newest.skipped || newest.saved || newest.ended_at < endedSince) return null;
  return { breakId: newest.id, callId: newest.call_id };
}
