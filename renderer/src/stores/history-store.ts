/** The call history: the newest calls from the journal, searchable, refreshed when calls change. */
import { create } from 'zustand';

import type { JournalCall } from '../../../preload/contract';
import { bridge } from '../bridge';

const PAGE = 50;

interface HistoryStore {
  calls: JournalCall[];
  search: string;
  loading: boolean;
  failure: string | null;
  load(search?: string): Promise<void>;
  /** Reloads when the journal's calls change; returns the unsubscribe function. */
  follow(): () => void;
}

export const initialHistory = {
  calls: [] as JournalCall[],
  search: '',
  loading: false,
  failure: null as string | null,
};

export const useHistoryStore = create<HistoryStore>()((set, get) => ({
  ...initialHistory,
  async load(search = get().search) {
    set({ search, loading: true });
    const trimmed = search.trim();
    const result = await bridge().journal.listCalls({ limit: PAGE, ...(trimmed ? { search: trimmed } : {}) });
    if (get().search !== search) return; // a newer search is on its way
    if (result.ok) set({ calls: result.value, loading: false, failure: null });
    else set({ loading: false, failure: result.error.message });
  },
  follow: () =>
    bridge().journal.onChanged(({ table }) => {
      if (table === 'calls') void get().load();
    }),
}));
