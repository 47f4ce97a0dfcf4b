/**
 * The call_quality table: one audio quality summary per call, measured by the window as the call
 * ends, shown in the call history for one-way-audio triage.
 */
import type Database from 'better-sqlite3';

import type { CallQuality, JournalCall } from '../../preload/contract';

import { statement } from './statements';

interface QualityRow {
  packet_loss_percent: number;
  jitter_ms: number;
  round_trip_ms: number | null;
  mos: number;
  packets_received: number;
  packets_sent: number;
}

const toQuality = (row: QualityRow): CallQuality => ({
  packetLossPercent: row.packet_loss_percent,
  jitterMs: row.jitter_ms,
  roundTripMs: row.round_trip_ms,
  mos: row.mos,
  packetsReceived: row.packets_received,
  packetsSent: row.packets_sent,
});

/**
 * Stores (or replaces) a call's quality summary; false when the journal has no such call (the
 * foreign key would refuse it).
 */
export function saveCallQuality(db: Database.Database, callId: number, quality: CallQuality): boolean {
  if (!statement(db, 'SELECT 1 FROM calls WHERE id = ?').get(callId)) return false;
  statement(
    db,
    `INSERT OR REPLACE INTO call_quality
       (call_id, packet_loss_percent, jitter_ms, round_trip_ms, mos, packets_received, packets_sent)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    callId,
    quality.packetLossPercent,
    quality.jitterMs,
    quality.roundTripMs,
    quality.mos,
    quality.packetsReceived,
    quality.packetsSent,
  );
  return true;
}

export const QUALITY_OF_CALL_SQL = 'SELECT * FROM call_quality WHERE call_id = ?';

/** A call's quality summary, or null when none was measured. */
export function qualityOfCall(db: Database.Database, callId: number): CallQuality | null {
  const row = statement(db, QUALITY_OF_CALL_SQL).get(callId) as QualityRow | undefined;
  return row ? toQuality(row) : null;
}

/** The calls with their quality summaries (a primary-key lookup each; a page is at most 500). */
export function withQuality(db: Database.Database, calls: JournalCall[]): JournalCall[] {
  return calls.map((call) => ({ ...call, quality: qualityOfCall(db, call.id) }));
}
