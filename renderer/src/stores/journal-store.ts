/**
 * The agent's private journal view: the timeline main reads from the journal, its filter, export
 * and deleting entries. Follows `journal:changed` so it stays current while shown.
 */
import { create } from 'zustand';

import type { ExportFile, TimelineEntry, TimelineFilter } from '../../../preload/contract';
import { bridge } from '../bridge';

interface JournalStore {
  entries: TimelineEntry[];
  filter: TimelineFilter;
  failure: string | null;
  load(): Promise<void>;
  follow(): () => void;
  setFilter(filter: TimelineFilter): Promise<void>;
  remove(kind: 'call' | 'break' | 'reflection', id: number): Promise<void>;
  exportAs(format: 'csv' | 'json'): Promise<ExportFile | null>;
}

export const initialJournal = {
  entries: [] as TimelineEntry[],
  filter: 'all' as TimelineFilter,
  failure: null,
};

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
