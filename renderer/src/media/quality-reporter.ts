/**
 * Sends each answered call's final audio quality to main, which keeps it with the call's journal
 * row (CallState.journalId).
 */
import type { CallQuality, CallState } from '../../../preload/contract';

const FORGET_AFTER_MS = 30_000;

export interface QualityReporter {
  /** Follows main's `phone:call` events. */
  onCall(call: CallState): void;
  /** The call's audio closed with these figures (null: never measured). */
  closed(callId: string, quality: CallQuality | null): void;
}

export function qualityReporter(
  save: (report: { journalId: number; quality: CallQuality }) => unknown,
): QualityReporter {
  const known = new Map<string, CallState>();
  return {
    onCall(call) {
      known.set(call.id, call);
      // Main may close the audio just before or just after it says the call ended.
      if (call.state === 'ended') setTimeout(() => known.delete(call.id), FORGET_AFTER_MS);
    },
    closed(callId, quality) {
      const call = known.get(callId);
      known.delete(callId);
      if (!call || call.answeredAt === null || !quality) return;
      void save({ journalId: call.journalId, quality });
    },
  };
}
