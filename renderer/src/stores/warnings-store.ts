/**
 * The recorded warning as the window sees it: main's state (`warnings:state`: the warning playing,
 * IT recordings that could not be used) and the actions: play the warning, play the final warning
 * (main marks the call abusive and hangs up when it ends), stop. Main decides; the window asks.
 */
import { create } from 'zustand';

import type { HotkeyAction, WarningKind, WarningsState } from '../../../preload/contract';
import { bridge } from '../bridge';
import type { ShownError } from '../i18n/error-text';

import { useCallsStore } from './calls-store';
import { useRecoveryStore } from './recovery-store';

interface WarningsStore extends WarningsState {
  /** The last request main refused, in its words. */
  failure: ShownError | null;
  /** Window time minus main's time, so the countdown follows main's clock. */
  clockOffsetMs: number;
  load(): Promise<void>;
  follow(): () => void;
  play(callId: string, kind: WarningKind): Promise<void>;
  stop(callId: string): Promise<void>;
  /** The warning hotkeys: they act on the call being talked on (connected, not on hold). */
  hotkey(action: HotkeyAction): void;
}

export const initialWarnings = {
  playing: null as WarningsState['playing'],
  itRecordingProblems: [] as WarningsState['itRecordingProblems'],
  failure: null as ShownError | null,
  clockOffsetMs: 0,
};

export const useWarningsStore = create<WarningsStore>()((set, get) => ({
  ...initialWarnings,
  async load() {
    const state = await bridge().warnings.get();
    if (state.ok) set(state.value);
  },
  follow() {
    const stops = [
      bridge().warnings.onState((state) => set(state)),
      bridge().shell.onHotkey(({ action }) => get().hotkey(action)),
    ];
    return () => stops.forEach((stop) => stop());
  },
  async play(callId, kind) {
    const sentAt = Date.now();
    const result = await bridge().warnings.play({ callId, kind });
    if (!result.ok) return void set({ failure: result.error });
    const { playing, mark } = result.value;
    set({ playing, failure: null, clockOffsetMs: sentAt - playing.startedAt });
    // The final warning marked the call: the mark bar shows it as if the agent had marked it.
    if (mark) useRecoveryStore.getState().markedByMain(mark);
  },
  async stop(callId) {
    const result = await bridge().warnings.stop({ callId });
    set(result.ok ? { ...result.value, failure: null } : { failure: result.error });
  },
  hotkey(action) {
    if (action !== 'warn' && action !== 'finalWarning') return;
    const call = useCallsStore
      .getState()
      .calls.find((known) => known.state === 'active' && !known.heldByMe && !known.heldByRemote);
    if (call) void get().play(call.id, action === 'warn' ? 'warning' : 'final');
  },
}));
