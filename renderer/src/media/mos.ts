/**
 * An estimated mean opinion score from what getStats measures, by a simplified ITU-T G.107
 * E-model (the approach of the widely used "simplified E-model" of Cole & Rosenbluth, 2001):
 *
 *   one-way delay d  = RTT / 2 + 2 × jitter + 10 ms (codec and packetisation)
 *   delay impairment  Id = 0.024 d + 0.11 (d − 177.3) when d > 177.3 ms
 *   loss impairment   Ie,eff = Ie + (95 − Ie) × loss% / (loss% + Bpl), Ie = 0, Bpl = 10
 *                     (Opus and G.711 with concealment degrade about this gracefully)
 *   R = 93.2 − Id − Ie,eff;  MOS = 1 + 0.035 R + 7·10⁻⁶ R (R − 60)(100 − R), within 1…4.5
 *
 * An estimate for triage (is this call's audio bad, and why), not a listening test.
 */
export interface NetworkFigures {
  packetLossPercent: number;
  jitterMs: number;
  /** Unknown when the far end sends no RTCP reports: then only jitter counts as delay. */
  roundTripMs: number | null;
}

const CODEC_DELAY_MS = 10;
const LOSS_ROBUSTNESS = 10;

/** The E-model's transmission rating R (0–93.2). */
export function rFactor({ packetLossPercent, jitterMs, roundTripMs }: NetworkFigures): number {
  const delay = (roundTripMs ?? 0) / 2 + 2 * jitterMs + CODEC_DELAY_MS;
  const delayImpairment = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0);
  const loss = Math.min(100, Math.max(0, packetLossPercent));
  const lossImpairment = (95 * loss) / (loss + LOSS_ROBUSTNESS);
  return Math.max(0, 93.2 - delayImpairment - lossImpairment);
}

/** Estimated MOS (1 = bad … 4.5 = as good as a narrow-band call gets), rounded to 0.1. */
export function estimateMos(figures: NetworkFigures): number {
  const r = rFactor(figures);
  const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
  return Math.round(Math.min(4.5, Math.max(1, mos)) * 10) / 10;
}
