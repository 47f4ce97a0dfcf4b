/**
 * The call_quality table: one audio quality summary per call, measured by the window as the call
 * ends, shown in the call history for one-way-audio triage.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';

import type { CallQuality, CallQualityReport, CallRecord } from '../../preload/contract';

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

export const FIND_CALL_SQL = 'SELECT id, sip_call_id FROM calls WHERE started_at = ? AND remote_uri = ?';

/**
 * The journal row of a call the window knows by main's handle. Main starts the row with the same
 * start time and remote URI it gives the window; the handle begins with the SIP Call-ID (sip.js
 * names a session Call-ID + From tag), which tells apart two calls started in the same millisecond.
 */
export function findJournalCall(
  db: Database.Database,
  report: z.output<typeof CallQualityReport>,
): number | null {
  const rows = statement(db, FIND_CALL_SQL).all(report.startedAt, report.remoteUri) as Array<{
    id: number;
    sip_call_id: string;
  }>;
  const exact = rows.find((row) => report.callId.startsWith(row.sip_call_id));
  return exact?.id ?? (rows.length === 1 ? (rows[0]?.id ?? null) : null);
}

/** Stores (or replaces) a call's quality summary. */
export function saveCallQuality(db: Database.Database, callId: number, quality: CallQuality): void {
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
}

export const QUALITY_OF_CALL_SQL = 'SELECT * FROM call_quality WHERE call_id = ?';

/** A call's quality summary, or null when none was measured. */
export function qualityOfCall(db: Database.Database, callId: number): CallQuality | null {
  const row = statement(db, QUALITY_OF_CALL_SQL).get(callId) as QualityRow | undefined;
  return row ? toQuality(row) : null;
}

/** The calls with their quality summaries (a primary-key lookup each; a page is at most 500). */
export function withQuality(db: Database.Database, calls: CallRecord[]): CallRecord[] {
  return calls.map((call) => ({ ...call, quality: qualityOfCall(db, call.id) }));
}
