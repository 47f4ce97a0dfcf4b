import { describe, expect, it } from 'vitest';

import { buildSteadylineApi, type BridgeTransport } from '../../../preload/api';
import { eventChannels, requestChannels } from '../../../preload/contract';

function recordingTransport() {
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport: BridgeTransport = {
    invoke: async (channel, payload) => {
      invoked.push([channel, payload]);
      return { ok: true, value: null };
    },
    subscribe: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return { transport, invoked, listeners };
}

describe('window.steadyline built from the contract', () => {
  it('has one function per request channel and one listener per event, and nothing else', () => {
    const api = buildSteadylineApi(recordingTransport().transport) as unknown as Record<string, object>;
    const members = Object.entries(api).flatMap(([domain, functions]) =>
      Object.keys(functions).map((name) => `${domain}.${name}`),
    );
    const expected = [
      ...Object.keys(requestChannels).map((channel) => channel.replace(':', '.')),
      ...Object.keys(eventChannels).map((event) => {
        const [domain, verb = ''] = event.split(':');
        return `${domain}.on${verb[0]?.toUpperCase()}${verb.slice(1)}`;
      }),
    ];
    expect(members.sort()).toEqual(expected.sort());
    expect(members.filter((name) => /\.(send|invoke|on)$/i.test(name))).toEqual([]);
  });

  it('sends a call on its own channel with its payload', async () => {
    const { transport, invoked } = recordingTransport();
    const api = buildSteadylineApi(transport);
    await api.settings.setLanguage({ language: 'he' });
    expect(invoked).toEqual([['settings:setLanguage', { language: 'he' }]]);
  });

  it('returns an unsubscribe function from each subscription', () => {
    const { transport, listeners } = recordingTransport();
    const api = buildSteadylineApi(transport);
    const unsubscribe = api.phone.onRegistration(() => undefined);
    expect(listeners.has('phone:registration')).toBe(true);
    unsubscribe();
    expect(listeners.has('phone:registration')).toBe(false);
  });

  it('is frozen, so a page script cannot replace a function', () => {
    const api = buildSteadylineApi(recordingTransport().transport);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.settings)).toBe(true);
  });
});
