/**
 * The agent's private timeline: calls (with their marks), breaks and reflections, newest first,
 * each linked by id to the call and break it belongs to. Read only by the agent's own window.
 */
import type Database from 'better-sqlite3';

import type { BreakTrigger, CallDirection, TimelineEntry, TimelineFilter } from '../../preload/contract';

import { marksForCall } from './marks';
import { statement } from './statements';
import { warningsForCall } from './warnings';
import { tagsOfReflection } from './reflections';

type CallEntry = Extract<TimelineEntry, { kind: 'call' }>;

const CALLS_SQL: Record<'all' | 'abusive' | 'proud', string> = {
  // Every call the agent had, refused ones during a break included, except those deleted from the
  // journal (they stay in the history, migration 008).
  all: `SELECT * FROM calls WHERE hidden_from_journal = 0 ORDER BY started_at DESC LIMIT ?`,
  abusive: `SELECT * FROM calls WHERE hidden_from_journal = 0
            AND id IN (SELECT call_id FROM call_marks WHERE kind = 'abusive' AND undone_at IS NULL)
            ORDER BY started_at DESC LIMIT ?`,
  proud: `SELECT * FROM calls WHERE hidden_from_journal = 0
          AND id IN (SELECT call_id FROM call_marks WHERE kind = 'proud' AND undone_at IS NULL)
          ORDER BY started_at DESC LIMIT ?`,
};

interface CallRow {
  id: number;
  direction: CallDirection;
  remote_uri: string;
  remote_display_name: string | null;
  started_at: number;
  end_reason: string | null;
}

function callEntries(db: Database.Database, filter: keyof typeof CALLS_SQL, limit: number): CallEntry[] {
  const rows = statement(db, CALLS_SQL[filter]).all(limit) as CallRow[];
  return rows.map((row) => ({
    kind: 'call',
    id: row.id,
    at: row.started_at,
    direction: row.direction,
    remoteUri: row.remote_uri,
    remoteDisplayName: row.remote_display_name,
    endReason: row.end_reason,
    marks: marksForCall(db, row.id).map((mark) => ({
      id: mark.id,
      kind: mark.kind,
      severity: mark.severity,
      categories: mark.categories,
      undone: mark.undoneAt !== null,
    })),
    warnings: warningsForCall(db, row.id).map(({ kind, startedAt, outcome }) => ({
      kind,
      at: startedAt,
      outcome,
    })),
  }));
}

function breakEntries(db: Database.Database, limit: number): TimelineEntry[] {
  const rows = statement(db, 'SELECT * FROM breaks ORDER BY started_at DESC LIMIT ?').all(limit) as Array<{
    id: number;
    call_id: number | null;
    trigger: BreakTrigger;
    started_at: number;
    planned_seconds: number;
    actual_seconds: number | null;
    ended_how: string | null;
  }>;
  return rows.map((row) => ({
    kind: 'break',
    id: row.id,
    at: row.started_at,
    callId: row.call_id,
    trigger: row.trigger,
    plannedSeconds: row.planned_seconds,
    actualSeconds: row.actual_seconds,
    endedHow: row.ended_how,
  }));
}

function reflectionEntries(db: Database.Database, limit: number): TimelineEntry[] {
  const rows = statement(db, 'SELECT * FROM reflections ORDER BY created_at DESC LIMIT ?').all(
    limit,
  ) as Array<{
    id: number;
    break_id: number | null;
    call_id: number | null;
    created_at: number;
    mood: number;
    difficulty: number;
    not_about_me: number | null;
    private_note: string | null;
    private_thought: string | null;
    wants_follow_up: number;
  }>;
  return rows.map((row) => ({
    kind: 'reflection',
    id: row.id,
    at: row.created_at,
    breakId: row.break_id,
    callId: row.call_id,
    mood: row.mood,
    difficulty: row.difficulty,
    notAboutMe: row.not_about_me,
    felt: row.private_note,
    thought: row.private_thought,
    helped: tagsOfReflection(db, row.id),
    talkToLead: row.wants_follow_up === 1,
  }));
}

/** Newest first, at most `limit` entries; refused calls (during breaks) only when marked. */
export function timeline(
  db: Database.Database,
  query: { filter: TimelineFilter; limit: number },
): TimelineEntry[] {
  const { filter, limit } = query;
  const entries: TimelineEntry[] = [];
  if (filter === 'all' || filter === 'abusive' || filter === 'proud')
    entries.push(...callEntries(db, filter, limit));
  if (filter === 'all' || filter === 'breaks') entries.push(...breakEntries(db, limit));
  if (filter === 'all' || filter === 'reflections') entries.push(...reflectionEntries(db, limit));
  return entries.sort((a, b) => b.at - a.at || a.kind.localeCompare(b.kind)).slice(0, limit);
}
