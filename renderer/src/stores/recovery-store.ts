/**
 * Recovery breaks as the window sees them: main's break state (`breaks:state`), the policy and
 * preferences, the last mark (for Undo), and the actions: mark, undo, start, extend, end, take the
 * longer break, save or skip the reflection. Main decides; the window asks and shows.
 */
import { create } from 'zustand';

import type {
  BridgeError,
  MarkInput,
  MarkReceipt,
  RecoveryPreferences,
  RecoverySettings,
  RecoveryState,
  ReflectionInput,
  Result,
} from '../../../preload/contract';
import { bridge } from '../bridge';
import type { ShownError } from '../i18n/error-text';
import { stopMeasuringEndedCalls } from '../media/loudness';

import { useCallsStore } from './calls-store';

/** A call's mark as the window made it: what was chosen, and main's receipt. */
export type StandingMark = MarkInput & MarkReceipt;

interface RecoveryStore {
  state: RecoveryState | null;
  settings: RecoverySettings | null;
  /** The last mark, until its undo window closes. */
  lastMark: MarkReceipt | null;
  /** Each call's standing mark (by call id) as marked in this window: a mark is the call's state. */
  marks: Record<string, StandingMark>;
  /** The last request main refused, in its words. */
  failure: ShownError | null;
  /** Window time minus main's time, so countdowns follow main's clock. */
  clockOffsetMs: number;
  load(): Promise<void>;
  follow(): () => void;
  mark(input: MarkInput): Promise<boolean>;
  undo(): Promise<void>;
  startBreak(): Promise<void>;
  extend(): Promise<void>;
  end(): Promise<void>;
  takeLonger(): Promise<void>;
  saveReflection(input: ReflectionInput): Promise<BridgeError | null>;
  skipReflection(): Promise<void>;
  setPreferences(patch: Partial<RecoveryPreferences>): Promise<void>;
  /** The "mark abusive" hotkey: marks the current call, else the one that just ended. */
  markAbusiveHotkey(): void;
  /** Main marked a call abusive for the agent (the final warning): shown as if marked here. */
  markedByMain(receipt: MarkReceipt): void;
}

export const initialRecovery = {
  state: null as RecoveryState | null,
  settings: null as RecoverySettings | null,
  lastMark: null as MarkReceipt | null,
  marks: {} as Record<string, StandingMark>,
  failure: null as ShownError | null,
  clockOffsetMs: 0,
};

export const useRecoveryStore = create<RecoveryStore>()((set, get) => {
  const take = (state: RecoveryState) => set({ state, clockOffsetMs: Date.now() - state.now });
  const settle = async <T>(request: Promise<Result<T>>, onValue?: (value: T) => void) => {
    const result = await request;
    if (result.ok) onValue?.(result.value);
    set({ failure: result.ok ? null : result.error });
    return result;
  };
  return {
    ...initialRecovery,
    /** Loads what main knows; the window works on without it (no break shown, default settings). */
    async load() {
      const [state, settings] = await Promise.all([bridge().breaks.get(), bridge().recovery.getSettings()]);
      if (state.ok) take(state.value);
      if (settings.ok) set({ settings: settings.value });
    },
    follow() {
      const stops = [
        bridge().breaks.onState(take),
        stopMeasuringEndedCalls(),
        bridge().shell.onHotkey(({ action }) => action === 'markAbusive' && get().markAbusiveHotkey()),
      ];
      return () => stops.forEach((stop) => stop());
    },
    async mark(input) {
      const result = await settle(bridge().marks.add(input), (lastMark) =>
        set({ lastMark, marks: { ...get().marks, [input.callId]: { ...input, ...lastMark } } }),
      );
      return result.ok;
    },
    async undo() {
      const mark = get().lastMark;
      if (!mark) return;
      const result = await settle(bridge().marks.undo({ markId: mark.markId }));
      if (!result.ok) return;
      const { [mark.callId]: _undone, ...marks } = get().marks;
      set({ lastMark: null, marks });
    },
    startBreak: async () => void (await settle(bridge().breaks.start(), take)),
    extend: async () => void (await settle(bridge().breaks.extend(), take)),
    end: async () => void (await settle(bridge().breaks.end(), take)),
    takeLonger: async () => void (await settle(bridge().breaks.takeLonger(), take)),
    async saveReflection(input) {
      const result = await settle(bridge().reflections.save(input), take);
      return result.ok ? null : result.error;
    },
    skipReflection: async () => void (await settle(bridge().reflections.skip(), take)),
    setPreferences: async (patch) =>
      void (await settle(bridge().recovery.setPreferences(patch), (settings) => set({ settings }))),
    markedByMain(receipt) {
      set({
        lastMark: receipt,
        marks: { ...get().marks, [receipt.callId]: { ...receipt, kind: 'abusive' } },
      });
    },
    markAbusiveHotkey() {
      const { calls, lastEnded } = useCallsStore.getState();
      const call = calls.filter((known) => known.state !== 'ringing').at(-1) ?? lastEnded;
      // A marked call stays as it is: the hotkey never marks it twice.
      if (call && !get().marks[call.id]) void get().mark({ callId: call.id, kind: 'abusive' });
    },
  };
});

/** Seconds left until `at` (main's time), never negative. */
export function secondsUntil(at: number, clockOffsetMs: number, now = Date.now()): number {
  return Math.max(0, Math.ceil((at - (now - clockOffsetMs)) / 1000));
}
