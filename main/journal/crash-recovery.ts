/**
 * Closes what a crash left open. Steadyline opens the journal once, at start, before the phone
 * registers: any call still without `ended_at` then belongs to a process that died (a crash, a
 * SIGKILL, a power cut), so it is closed as 'interrupted' and the agent never sees a ghost call.
 *
 * Breaks keep their own semantics (migration 005, break-session.ts): the newest running break is
 * resumed with the time it has left, or closed as planned if its time passed while Steadyline was
 * closed, so it is left alone here. Only older running breaks, which can never be resumed (a
 * later break started after them), are closed as 'interrupted'.
 */
import type Database from 'better-sqlite3';

export interface CrashRecovery {
  calls: number;
  breaks: number;
  /** Warnings that were playing (migration 011): closed at their start, as 'interrupted'. */
  warnings: number;
}

/**
 * The end time given to an interrupted call is the last moment the journal knew it was alive:
 * its answer, or a mark the agent set on it, or else its start. Guessing "now" instead would
 * turn a call cut off last night into a twelve-hour call.
 */
const CLOSE_CALLS = `
  UPDATE calls SET end_reason = 'interrupted', sip_status = NULL,
    ended_at = MAX(started_at, COALESCE(answered_at, started_at),
      COALESCE((SELECT MAX(created_at) FROM call_marks WHERE call_marks.call_id = calls.id), started_at),
      COALESCE((SELECT MAX(started_at) FROM call_warnings WHERE call_warnings.call_id = calls.id), started_at))
  WHERE ended_at IS NULL`;

/** A warning cut off by a crash: how long it really played is unknown, so it is closed at its start. */
const CLOSE_WARNINGS = `UPDATE call_warnings SET ended_at = started_at, outcome = 'interrupted'
  WHERE ended_at IS NULL`;

/**
 * An older running break lasted at most until the next break started, and at most its plan.
 * The newest running break (the one `activeBreak` resumes) is excluded.
 */
const CLOSE_BREAKS = `
  UPDATE breaks SET ended_how = 'interrupted',
    actual_seconds = MAX(0, MIN(planned_seconds,
      ((SELECT MIN(later.started_at) FROM breaks AS later
        WHERE later.started_at > breaks.started_at
           OR (later.started_at = breaks.started_at AND later.id > breaks.id)) - started_at) / 1000))
  WHERE ended_how IS NULL
    AND id IS NOT (SELECT id FROM breaks WHERE ended_how IS NULL ORDER BY started_at DESC, id DESC LIMIT 1)`;

/** Closes calls, warnings and unresumable breaks left open by a crash, in one transaction; returns the counts. */
export function closeInterrupted(db: Database.Database): CrashRecovery {
  return db.transaction(() => ({
    calls: db.prepare(CLOSE_CALLS).run().changes,
    breaks: db.prepare(CLOSE_BREAKS).run().changes,
    warnings: db.prepare(CLOSE_WARNINGS).run().changes,
  }))();
}
