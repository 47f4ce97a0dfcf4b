/** App information and the notices main wants the agent to see. */
import { create } from 'zustand';

import type { AppInfo, Notice } from '../../../preload/contract';
import { bridge } from '../bridge';

interface AppStore {
  info: AppInfo | null;
  notices: Notice[];
  load(): Promise<void>;
  follow(): () => void;
  dismiss(id: string): Promise<void>;
}

export const initialApp = { info: null, notices: [] };

export const useAppStore = create<AppStore>()((set) => ({
  ...initialApp,
  async load() {
    const result = await bridge().app.info();
    if (result.ok) set({ info: result.value, notices: result.value.notices });
  },
  follow: () => bridge().app.onNotices((notices) => set({ notices })),
  async dismiss(id) {
    const result = await bridge().app.dismissNotice({ id });
    if (result.ok) set({ notices: result.value });
  },
}));
