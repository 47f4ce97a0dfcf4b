/**
 * The agent's calls, as main publishes them (`phone:call`), and the actions on them. Main owns
 * the calls; mute is the one thing the window decides alone (it only silences the microphone).
 */
import { create } from 'zustand';

import type { BridgeError, CallState, Result } from '../../../preload/contract';
import { bridge } from '../bridge';

/** What the window's audio engine offers the calls (see media/start-call-audio.ts). */
export interface MicrophoneControl {
  setMuted(callId: string, muted: boolean): boolean;
}

interface CallsStore {
  /** Calls that have not ended, in the order they began. */
  calls: CallState[];
  /** The last call that ended, so the agent sees how it ended. */
  lastEnded: CallState | null;
  muted: Record<string, boolean>;
  /** The last request main refused, in its words. */
  failure: string | null;
  microphone: MicrophoneControl | null;
  /** Follows main's call events; returns the unsubscribe function. */
  follow(): () => void;
  dial(target: string): Promise<boolean>;
  answer(callId: string): Promise<void>;
  decline(callId: string): Promise<void>;
  hangup(callId: string): Promise<void>;
  hold(callId: string, hold: boolean): Promise<void>;
  toggleMute(callId: string): void;
}

export const initialCalls = {
  calls: [] as CallState[],
  lastEnded: null as CallState | null,
  muted: {} as Record<string, boolean>,
  failure: null as string | null,
  microphone: null as MicrophoneControl | null,
};

const withCall = (calls: CallState[], call: CallState) =>
  calls.some((known) => known.id === call.id)
    ? calls.map((known) => (known.id === call.id ? call : known))
    : [...calls, call];

export const useCallsStore = create<CallsStore>()((set, get) => {
  const settle = async (request: Promise<Result<unknown>>) => {
    const result = await request;
    set({ failure: result.ok ? null : messageOf(result.error) });
    return result.ok;
  };
  const onCall = (call: CallState) =>
    set((state) => {
      if (call.state !== 'ended') return { calls: withCall(state.calls, call) };
      const { [call.id]: _forgotten, ...muted } = state.muted;
      return { calls: state.calls.filter((known) => known.id !== call.id), lastEnded: call, muted };
    });
  return {
    ...initialCalls,
    follow: () => bridge().phone.onCall(onCall),
    dial: (target) => settle(bridge().phone.dial({ target })),
    answer: async (callId) => void (await settle(bridge().phone.answer({ callId }))),
    decline: async (callId) => void (await settle(bridge().phone.decline({ callId }))),
    hangup: async (callId) => void (await settle(bridge().phone.hangup({ callId }))),
    hold: async (callId, hold) => void (await settle(bridge().phone.hold({ callId, hold }))),
    toggleMute(callId) {
      const muted = !get().muted[callId];
      if (get().microphone?.setMuted(callId, muted)) set({ muted: { ...get().muted, [callId]: muted } });
    },
  };
});

function messageOf(error: BridgeError): string {
  return error.issues?.[0] ? `${error.message} (${error.issues[0].path})` : error.message;
}
