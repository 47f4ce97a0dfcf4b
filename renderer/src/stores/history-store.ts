/**
 * The call history: the newest calls from the journal, 50 at a time (older pages by keyset,
 * `before` the oldest shown), searchable, refreshed when calls change (keeping the pages shown).
 */
import { create } from 'zustand';

import type { JournalCall } from '../../../preload/contract';
import { bridge } from '../bridge';

const PAGE = 50;

interface HistoryStore {
  calls: JournalCall[];
  search: string;
  loading: boolean;
  failure: string | null;
  /** A full page came back: there may be older calls. */
  more: boolean;
  load(search?: string): Promise<void>;
  /** The next 50 older calls, after those shown. */
  loadMore(): Promise<void>;
  /** Reloads when the journal's calls change; returns the unsubscribe function. */
  follow(): () => void;
}

export const initialHistory = {
  calls: [] as JournalCall[],
  search: '',
  loading: false,
  failure: null as string | null,
  more: false,
};

const MAX_LIMIT = 500;

export const useHistoryStore = create<HistoryStore>()((set, get) => ({
  ...initialHistory,
  async load(search = get().search) {
    // The same search again (a refresh) keeps the pages the agent opened.
    const limit = search === get().search ? Math.min(MAX_LIMIT, Math.max(PAGE, get().calls.length)) : PAGE;
    set({ search, loading: true });
    const trimmed = search.trim();
    const result = await bridge().journal.listCalls({ limit, ...(trimmed ? { search: trimmed } : {}) });
    if (get().search !== search) return; // a newer search is on its way
    if (result.ok)
      set({ calls: result.value, loading: false, failure: null, more: result.value.length === limit });
    else set({ loading: false, failure: result.error.message });
  },
  async loadMore() {
    const { calls, search } = get();
    const oldest = calls.at(-1);
    if (!oldest) return;
    const trimmed = search.trim();
    set({ loading: true });
    const result = await bridge().journal.listCalls({
      limit: PAGE,
      before: oldest.startedAt,
      ...(trimmed ? { search: trimmed } : {}),
    });
    if (get().search !== search) return;
    if (result.ok)
      set({
        calls: [...calls, ...result.value],
        loading: false,
        failure: null,
        more: result.value.length === PAGE,
      });
    else set({ loading: false, failure: result.error.message });
  },
  follow: () =>
    bridge().journal.onChanged(({ table }) => {
      if (table === 'calls') void get().load();
    }),
}));
