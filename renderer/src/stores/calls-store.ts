/**
 * The agent's calls, as main publishes them (`phone:call`), and the actions on them. Main owns
 * the calls; mute is the one thing the window decides alone (it only silences the microphone).
 */
import { create } from 'zustand';

import type { BridgeError, CallQuality, CallState, HotkeyAction, Result } from '../../../preload/contract';
import { bridge } from '../bridge';

/** What the window's audio engine offers the calls (see media/start-call-audio.ts). */
export interface MicrophoneControl {
  setMuted(callId: string, muted: boolean): boolean;
  /** Live audio quality of a call (null when the call has no audio in this window). */
  quality?(callId: string): Promise<CallQuality | null>;
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
  /** What the agent last dialled, for Redial. */
  lastDialled: string | null;
  /** Follows main's call events; returns the unsubscribe function. */
  follow(): () => void;
  dial(target: string): Promise<boolean>;
  answer(callId: string): Promise<void>;
  decline(callId: string): Promise<void>;
  hangup(callId: string): Promise<void>;
  hold(callId: string, hold: boolean): Promise<void>;
  toggleMute(callId: string): void;
  sendDtmf(callId: string, tones: string): Promise<void>;
  /** Hands the call to another number (REFER); true once the other side took it. */
  transferBlind(callId: string, target: string): Promise<boolean>;
  /** Joins the call with the consultation call and leaves both. */
  transferAttended(callId: string, consultCallId: string): Promise<boolean>;
  /** A global hotkey: answer the ringing call, hang up or mute the current one. */
  hotkey(action: HotkeyAction): void;
}

export const initialCalls = {
  calls: [] as CallState[],
  lastEnded: null as CallState | null,
  muted: {} as Record<string, boolean>,
  failure: null as string | null,
  microphone: null as MicrophoneControl | null,
  lastDialled: null as string | null,
};

/** The call the agent is talking on: connected and not on hold, else the newest call not ringing. */
export function currentCall(calls: CallState[]): CallState | undefined {
  const talking = calls.filter((call) => call.state !== 'ringing');
  return talking.find((call) => call.state === 'active' && !call.heldByMe) ?? talking.at(-1);
}

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
    async dial(target) {
      const dialled = await settle(bridge().phone.dial({ target }));
      if (dialled) set({ lastDialled: target.trim() });
      return dialled;
    },
    answer: async (callId) => void (await settle(bridge().phone.answer({ callId }))),
    decline: async (callId) => void (await settle(bridge().phone.decline({ callId }))),
    hangup: async (callId) => void (await settle(bridge().phone.hangup({ callId }))),
    hold: async (callId, hold) => void (await settle(bridge().phone.hold({ callId, hold }))),
    toggleMute(callId) {
      const muted = !get().muted[callId];
      if (get().microphone?.setMuted(callId, muted)) set({ muted: { ...get().muted, [callId]: muted } });
    },
    sendDtmf: async (callId, tones) => void (await settle(bridge().phone.sendDtmf({ callId, tones }))),
    transferBlind: (callId, target) => settle(bridge().phone.transferBlind({ callId, target })),
    transferAttended: (callId, consultCallId) =>
      settle(bridge().phone.transferAttended({ callId, consultCallId })),
    hotkey(action) {
      const { calls } = get();
      const ringing = calls.find((call) => call.direction === 'inbound' && call.state === 'ringing');
      const current = currentCall(calls);
      if (action === 'answer' && ringing) void get().answer(ringing.id);
      if (action === 'hangup' && current) void get().hangup(current.id);
      if (action === 'mute' && current?.state === 'active') get().toggleMute(current.id);
    },
  };
});

function messageOf(error: BridgeError): string {
  return error.issues?.[0] ? `${error.message} (${error.issues[0].path})` : error.message;
}
