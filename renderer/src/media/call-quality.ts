/**
 * A call's audio quality from its RTCPeerConnection statistics: packets lost (of what the other
 * side sent us), jitter, round-trip time (from the far end's RTCP receiver reports, or else the
 * ICE candidate pair) and an estimated MOS. Reads the W3C webrtc-stats dictionaries.
 */
import type { CallQuality } from '../../../preload/contract';

import { estimateMos } from './mos';

type StatsEntry = Record<string, unknown> & { type: string };

const numberOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function roundTripSeconds(entries: StatsEntry[]): number | null {
  const remote = entries.find((entry) => entry.type === 'remote-inbound-rtp' && entry.kind === 'audio');
  const fromRtcp = numberOf(remote?.roundTripTime);
  if (fromRtcp !== null) return fromRtcp;
  const pair = entries.find(
    (entry) => entry.type === 'candidate-pair' && (entry.nominated === true || entry.selected === true),
  );
  return numberOf(pair?.currentRoundTripTime);
}

/** The quality figures of one statistics report (getStats()). */
export function qualityFromStats(
  report: Iterable<StatsEntry> | { forEach(cb: (entry: StatsEntry) => void): void },
): CallQuality {
  const entries: StatsEntry[] = [];
  (report as { forEach(cb: (entry: StatsEntry) => void): void }).forEach((entry) => entries.push(entry));
  const inbound = entries.find((entry) => entry.type === 'inbound-rtp' && entry.kind === 'audio');
  const outbound = entries.find((entry) => entry.type === 'outbound-rtp' && entry.kind === 'audio');
  const received = numberOf(inbound?.packetsReceived) ?? 0;
  const lost = Math.max(0, numberOf(inbound?.packetsLost) ?? 0);
  const packetLossPercent = received + lost === 0 ? 0 : round((100 * lost) / (received + lost), 2);
  const jitterMs = round((numberOf(inbound?.jitter) ?? 0) * 1000);
  const rtt = roundTripSeconds(entries);
  const roundTripMs = rtt === null ? null : round(rtt * 1000);
  return {
    packetLossPercent,
    jitterMs,
    roundTripMs,
    mos: estimateMos({ packetLossPercent, jitterMs, roundTripMs }),
    packetsReceived: received,
    packetsSent: numberOf(outbound?.packetsSent) ?? 0,
  };
}
