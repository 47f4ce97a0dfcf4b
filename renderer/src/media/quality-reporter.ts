/**
 * Sends each answered call's final audio quality to main, which keeps it with the call in the
 * journal. The window knows a call by main's handle; main's journal row is found by the handle
 * with the start time and remote URI main gave the call.
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
  save: (report: { callId: string; startedAt: number; remoteUri: string; quality: CallQuality }) => unknown,
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
      void save({ callId, startedAt: call.startedAt, remoteUri: call.remote.uri, quality });
    },
  };
}
