import type { Migration } from './migration';

/**
 * A call's audio quality summary, measured by the window as the call ends: for one-way-audio
 * triage (packets received 0 while sent rises means the far end's audio never arrived). Its own
 * table, one row per call at most, so calls keep their shape and older calls simply have none.
 */
export const callQuality: Migration = {
  version: 4,
  name: 'call audio quality summaries',
  up(db) {
    db.exec(`
      CREATE TABLE call_quality (
        call_id INTEGER PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
        packet_loss_percent REAL NOT NULL CHECK (packet_loss_percent BETWEEN 0 AND 100),
        jitter_ms REAL NOT NULL CHECK (jitter_ms >= 0),
        round_trip_ms REAL CHECK (round_trip_ms >= 0),
        mos REAL NOT NULL CHECK (mos BETWEEN 1 AND 5),
        packets_received INTEGER NOT NULL CHECK (packets_received >= 0),
        packets_sent INTEGER NOT NULL CHECK (packets_sent >= 0)
      ) STRICT;
    `);
  },
};
