/**
 * The agent's private journal view: the timeline main reads from the journal, its filter, export
 * and deleting entries. Follows `journal:changed` so it stays current while shown.
 */
import { create } from 'zustand';

import type { ExportFile, TimelineEntry, TimelineFilter } from '../../../preload/contract';
import { bridge } from '../bridge';

type EntryKind = 'call' | 'break' | 'reflection';

/** How long a deleted entry can be brought back before main deletes it. */
export const DELETE_UNDO_MS = 10_000;

interface JournalStore {
  entries: TimelineEntry[];
  /** An entry the agent deleted, hidden and kept for Undo until main is told. */
  pending: { kind: EntryKind; id: number } | null;
  filter: TimelineFilter;
  failure: string | null;
  load(): Promise<void>;
  follow(): () => void;
  setFilter(filter: TimelineFilter): Promise<void>;
  remove(kind: EntryKind, id: number): Promise<void>;
  /** Hides the entry at once and deletes it for good after the undo window (or the next delete). */
  removeWithUndo(kind: EntryKind, id: number): void;
  undoRemove(): void;
  /** Deletes the pending entry now (leaving the journal screen, another delete). */
  flushRemove(): Promise<void>;
  exportAs(format: 'csv' | 'json'): Promise<ExportFile | null>;
}

export const initialJournal = {
  entries: [] as TimelineEntry[],
  filter: 'all' as TimelineFilter,
  failure: null,
  pending: null as { kind: EntryKind; id: number } | null,
};

let pendingTimer: ReturnType<typeof setTimeout> | undefined;

export const useJournalStore = create<JournalStore>()((set, get) => ({
  ...initialJournal,
  async load() {
    const result = await bridge().journal.timeline({ filter: get().filter, limit: 200 });
    set(result.ok ? { entries: result.value, failure: null } : { failure: result.error.message });
  },
  follow: () => bridge().journal.onChanged(() => void get().load()),
  async setFilter(filter) {
    set({ filter });
    await get().load();
  },
  async remove(kind, id) {
    const result = await bridge().journal.deleteEntry({ kind, id });
    if (!result.ok) return set({ failure: result.error.message });
    await get().load();
  },
  removeWithUndo(kind, id) {
    void get().flushRemove();
    set({ pending: { kind, id } });
    pendingTimer = setTimeout(() => void get().flushRemove(), DELETE_UNDO_MS);
  },
  undoRemove() {
    clearTimeout(pendingTimer);
    set({ pending: null });
  },
  async flushRemove() {
    clearTimeout(pendingTimer);
    const { pending } = get();
    if (!pending) return;
    set({ pending: null });
    await get().remove(pending.kind, pending.id);
  },
  async exportAs(format) {
    const result = await bridge().journal.export({ format });
    if (!result.ok) {
      set({ failure: result.error.message });
      return null;
    }
    return result.value;
  },
}));

/** Hands an exported file to the browser's download (it never leaves the machine otherwise). */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
