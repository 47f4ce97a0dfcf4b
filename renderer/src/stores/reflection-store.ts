/**
 * The reflection the agent is writing, kept outside the form: the reflection gives way to a
 * ringing call (or is put off with Escape) and comes back with everything typed so far.
 */
import { create } from 'zustand';

import type { HelpedTag } from '../../../preload/contract';

export interface ReflectionDraft {
  mood: number | null;
  difficulty: number | null;
  notAboutMe: number | null;
  felt: string;
  thought: string;
  helped: HelpedTag[];
  talkToLead: boolean;
}

export const EMPTY_DRAFT: ReflectionDraft = {
  mood: null,
  difficulty: null,
  notAboutMe: null,
  felt: '',
  thought: '',
  helped: [],
  talkToLead: false,
};

interface ReflectionStore {
  /** The break the draft is about (a new break's reflection starts empty). */
  breakId: number | null;
  draft: ReflectionDraft;
  /** The break whose reflection the agent put off (Escape or Later); it waits in the recovery bar. */
  deferredFor: number | null;
  draftFor(breakId: number): ReflectionDraft;
  update(breakId: number, patch: Partial<ReflectionDraft>): void;
  setDeferred(breakId: number | null): void;
}

export const initialReflection = {
  breakId: null as number | null,
  draft: EMPTY_DRAFT,
  deferredFor: null as number | null,
};

export const useReflectionStore = create<ReflectionStore>()((set, get) => ({
  ...initialReflection,
  draftFor: (breakId) => (get().breakId === breakId ? get().draft : EMPTY_DRAFT),
  update(breakId, patch) {
    const current = get().draftFor(breakId);
    set({ breakId, draft: { ...current, ...patch } });
  },
  setDeferred: (deferredFor) => set({ deferredFor }),
}));
