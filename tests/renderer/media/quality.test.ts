import { describe, expect, it } from 'vitest';

import { qualityFromStats } from '../../../renderer/src/media/call-quality';
import { estimateMos, rFactor } from '../../../renderer/src/media/mos';

describe('estimated MOS (simplified E-model)', () => {
  it('rates a clean call near the top of the narrow-band scale', () => {
    expect(rFactor({ packetLossPercent: 0, jitterMs: 0, roundTripMs: 20 })).toBeCloseTo(92.7, 1);
    expect(estimateMos({ packetLossPercent: 0, jitterMs: 2, roundTripMs: 20 })).toBe(4.4);
  });

  it('falls with packet loss and with long delays, never below 1', () => {
    const clean = estimateMos({ packetLossPercent: 0, jitterMs: 5, roundTripMs: 50 });
    const lossy = estimateMos({ packetLossPercent: 5, jitterMs: 5, roundTripMs: 50 });
    const slow = estimateMos({ packetLossPercent: 0, jitterMs: 5, roundTripMs: 800 });
    expect(lossy).toBeLessThan(clean);
    expect(lossy).toBeLessThan(3.5);
    expect(slow).toBeLessThan(clean - 0.5);
    expect(estimateMos({ packetLossPercent: 100, jitterMs: 500, roundTripMs: 5000 })).toBe(1);
  });

  it('counts only jitter as delay when the far end reports no round trip', () => {
    expect(estimateMos({ packetLossPercent: 0, jitterMs: 2, roundTripMs: null })).toBe(4.4);
  });
});

describe('call quality from getStats', () => {
  const report = (entries: Array<Record<string, unknown>>) =>
    new Map(entries.map((entry, i) => [String(i), entry]));

  it('reads loss of what we received, jitter and the far end’s round trip', () => {
    const quality = qualityFromStats(
      report([
        { type: 'inbound-rtp', kind: 'audio', packetsReceived: 980, packetsLost: 20, jitter: 0.012 },
        { type: 'outbound-rtp', kind: 'audio', packetsSent: 1001 },
        { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.08 },
        { type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.5 },
      ]) as never,
    );
    expect(quality).toEqual({
      packetLossPercent: 2,
      jitterMs: 12,
      roundTripMs: 80,
      mos: estimateMos({ packetLossPercent: 2, jitterMs: 12, roundTripMs: 80 }),
      packetsReceived: 980,
      packetsSent: 1001,
    });
  });

  it('falls back to the candidate pair for round trip, and reports a call with nothing received', () => {
    const quality = qualityFromStats(
      report([
        { type: 'outbound-rtp', kind: 'audio', packetsSent: 300 },
        { type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.002 },
      ]) as never,
    );
    expect(quality).toMatchObject({
      packetsReceived: 0,
      packetsSent: 300,
      packetLossPercent: 0,
      roundTripMs: 2,
    });
  });
});
