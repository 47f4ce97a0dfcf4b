/**
 * The browser side of the test bridge: gives a plain browser page the same `window.steadyline`
 * as the Electron preload, built from the same contract by the same builder, but carried over a
 * loopback WebSocket to the core running in Node. Loaded by the browser preview before the app.
 */
import { buildSteadylineApi, type BridgeTransport } from '../api';

import { PORT_PARAM, TOKEN_PARAM, type BridgeServerMessage } from './bridge-protocol';

type Pending = { resolve: (value: unknown) => void };

function connectTransport(url: string): BridgeTransport {
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve) =>
    socket.addEventListener('open', () => resolve(), { once: true }),
  );
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message: MessageEvent<string>) => {
    const data = JSON.parse(message.data) as BridgeServerMessage;
    if (data.type === 'result') {
      pending.get(data.id)?.resolve(data.result);
      pending.delete(data.id);
    } else {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const { resolve } of pending.values()) {
      resolve({
        ok: false,
        error: { code: 'unavailable', message: 'The connection to Steadyline was lost.' },
      });
    }
    pending.clear();
  });

  return {
    async invoke(channel, payload) {
      await opened;
      const id = nextId++;
      const result = new Promise<unknown>((resolve) => pending.set(id, { resolve }));
      socket.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
      return result;
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

const params = new URLSearchParams(window.location.search);
const port = params.get(PORT_PARAM);
const token = params.get(TOKEN_PARAM) ?? '';
if (port) {
  const url = `ws://127.0.0.1:${port}/?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
  Object.defineProperty(window, 'steadyline', { value: buildSteadylineApi(connectTransport(url)) });
}
