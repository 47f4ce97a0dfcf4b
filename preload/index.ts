/**
 * The Electron preload script (sandboxed): exposes the contract-built API as `window.steadyline`.
 * ipcRenderer itself never reaches the page; only the functions built from the contract do.
 */
import { contextBridge, ipcRenderer } from 'electron';

import { buildSteadylineApi } from './api';
import { EVENT_IPC_CHANNEL } from './ipc-names';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(EVENT_IPC_CHANNEL, (_event, name: string, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const api = buildSteadylineApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
});

contextBridge.exposeInMainWorld('steadyline', api);
