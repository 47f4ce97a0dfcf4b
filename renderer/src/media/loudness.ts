/**
 * How loud the other side got, measured locally on the remote audio (Web Audio AnalyserNode).
 * Nothing is recorded: per call only two figures are kept, the peak level and how long the level
 * stayed at shouting volume, so a call with sustained shouting can end with "That call got loud —
 * mark it as abusive?". Figures of the last few calls are kept in memory, never sent anywhere.
 */
import { bridge } from '../bridge';

/** Short-term level (RMS over ~43 ms) at or above this counts as shouting on a phone line. */
export const SHOUTING_DBFS = -20;
/** This much shouting in one call makes it "loud". */
export const SUSTAINED_MS = 3000;
const SAMPLE_EVERY_MS = 100;
const CALLS_KEPT = 20;

export interface LoudnessFigures {
  peakDbfs: number;
  loudMs: number;
  loud: boolean;
}

/** The level of time-domain samples (−1…1) in dBFS. */
export function dbfsOf(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  return rms > 0 ? 20 * Math.log10(rms) : -Infinity;
}

/** Adds one measurement to a call's figures. */
export function measured(figures: LoudnessFigures, dbfs: number, intervalMs: number): LoudnessFigures {
  const loudMs = figures.loudMs + (dbfs >= SHOUTING_DBFS ? intervalMs : 0);
  return { peakDbfs: Math.max(figures.peakDbfs, dbfs), loudMs, loud: loudMs >= SUSTAINED_MS };
}

const figuresByCall = new Map<string, LoudnessFigures>();
const stopsByCall = new Map<string, () => void>();

/** What was measured on a call (while it runs and after it ended), if anything. */
export function loudnessOf(callId: string): LoudnessFigures | undefined {
  return figuresByCall.get(callId);
}

/** The hook the media engine calls with a call's remote stream: measures it until the call ends. */
export function measureRemoteAudio(callId: string, stream: MediaStream): void {
  if (stopsByCall.has(callId) || typeof AudioContext === 'undefined') return;
  const context = new AudioContext();
  // A context made without a click may start suspended; Electron and the tests allow audio.
  void context.resume().catch(() => undefined);
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  figuresByCall.set(callId, { peakDbfs: -Infinity, loudMs: 0, loud: false });
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    const current = figuresByCall.get(callId);
    if (current) figuresByCall.set(callId, measured(current, dbfsOf(samples), SAMPLE_EVERY_MS));
  }, SAMPLE_EVERY_MS);
  stopsByCall.set(callId, () => {
    clearInterval(timer);
    void context.close();
  });
  while (figuresByCall.size > CALLS_KEPT) figuresByCall.delete(figuresByCall.keys().next().value as string);
}

/** Stops measuring each call as it ends (keeping its figures); returns the unsubscribe function. */
export function stopMeasuringEndedCalls(): () => void {
  return bridge().phone.onCall((call) => {
    if (call.state !== 'ended') return;
    stopsByCall.get(call.id)?.();
    stopsByCall.delete(call.id);
  });
}
