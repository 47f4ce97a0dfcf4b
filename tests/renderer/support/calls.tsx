/** Call fixtures and helpers shared by the screen tests (parsed through the contract, so they follow it). */
import { act, render, screen } from '@testing-library/react';

import { CallState, JournalCall } from '../../../preload/contract';
import { App } from '../../../renderer/src/App';
import { transport } from '../setup';

export const ringing: CallState = CallState.parse({
  id: 'c1',
  journalId: 1,
  direction: 'inbound',
  state: 'ringing',
  remote: { uri: 'sip:0501234567@pbx.example.org', displayName: 'Noa Cohen' },
  startedAt: Date.now(),
  answeredAt: null,
  heldByMe: false,
  heldByRemote: false,
  waiting: false,
  endReason: null,
});
export const active: CallState = { ...ringing, state: 'active', answeredAt: Date.now() - 5_000 };
export const second: CallState = {
  ...ringing,
  id: 'c2',
  remote: { uri: 'sip:0529999999@pbx.example.org', displayName: 'Avi Mizrahi' },
  waiting: true,
};

export const record = (overrides: Partial<JournalCall> = {}): JournalCall =>
  JournalCall.parse({
    id: 1,
    direction: 'outbound',
    remoteUri: 'sip:0501234567@pbx.example.org',
    remoteDisplayName: 'Noa Cohen',
    sipCallId: 'x',
    startedAt: Date.UTC(2026, 10, 23, 9, 30),
    answeredAt: Date.UTC(2026, 10, 23, 9, 30, 5),
    endedAt: Date.UTC(2026, 10, 23, 9, 32, 5),
    endReason: 'remote-hangup',
    sipStatus: null,
    quality: null,
    ...overrides,
  });

export const ok = (value: unknown) => () => ({ ok: true as const, value });
export const refuse = (message: string) => () => ({
  ok: false as const,
  error: { code: 'conflict' as const, message },
});
export const sent = (channel: string) =>
  transport.calls.filter(([name]) => name === channel).map(([, body]) => body);

export function registered() {
  transport.respond('phone:getRegistration', ok({ state: 'registered', aor: 'sip:1001@pbx' }));
}

/** Renders the app, registered, with these calls pushed by main. */
export async function showCalls(...calls: CallState[]) {
  registered();
  render(<App />);
  await screen.findByRole('heading', { name: 'Phone' });
  for (const call of calls) act(() => transport.emit('phone:call', call));
}
