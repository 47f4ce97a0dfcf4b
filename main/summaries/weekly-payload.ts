/**
 * Builds the one thing that can leave the agent's PC: a week's payload v2 (strict schema in
 * preload/schemas/team-summary.ts), and the exact bytes that are both previewed and sent.
 * Deterministic: the same journal, week and choices always give the same bytes.
 */
import { createHash } from 'node:crypto';

import type Database from 'better-sqlite3';

import { teamWeekFigures } from '../journal/team-week';
import { WeeklySummaryV2, type IsoWeek } from '../../preload/schemas/team-summary';

import { weekRange } from './iso-week';

export interface PayloadChoices {
  week: IsoWeek;
  /** The agent's time zone: which hours belong to the week. */
  zone: string;
  consent: 'anonymous' | 'named';
  /** Sent only with consent 'named'. */
  agentName: string | null;
  checkInRequested: boolean;
}

export interface BuiltSummary {
  payload: WeeklySummaryV2;
  /** The exact request body: what the preview shows and what is sent, byte for byte. */
  body: string;
  sha256: string;
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const upper = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? 0;
  return (lower + upper) / 2;
}

export function buildWeeklySummary(db: Database.Database, choices: PayloadChoices): BuiltSummary {
  const range = weekRange(choices.week, choices.zone);
  const figures = teamWeekFigures(db, range);
  if (choices.consent === 'named' && !choices.agentName) throw new Error('a named summary needs a name');
  const named = choices.consent === 'named' ? { agentName: choices.agentName } : {};
  // Parsing checks every bound and drops nothing silently: a value out of range throws here,
  // before anything is shown or queued.
  const payload = WeeklySummaryV2.parse({
    version: 2,
    week: choices.week,
    consent: choices.consent,
    ...named,
    callsHandled: figures.callsHandled,
    abusiveMarks: figures.abusiveMarks,
    proudMarks: figures.proudMarks,
    breaks: {
      taken: figures.breaks.taken,
      minutes: Math.round(figures.breaks.seconds / 6) / 10,
      extended: figures.breaks.extended,
      endedEarly: figures.breaks.endedEarly,
    },
    reflectionsCompleted: figures.reflectionsCompleted,
    medianMoodAfterBreak: median(figures.moodsAfterBreak),
    checkInRequested: choices.checkInRequested,
    warningsPlayed: figures.warningsPlayed,
  });
  const body = serializeSummary(payload);
  return { payload, body, sha256: sha256Hex(body) };
}

/** Two-space JSON: readable in the preview, and the same bytes on the wire. */
export function serializeSummary(payload: WeeklySummaryV2): string {
  return JSON.stringify(payload, null, 2);
}

export function sha256Hex(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
