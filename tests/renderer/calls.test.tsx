import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { CallState } from '../../preload/contract';
import { App } from '../../renderer/src/App';
import { formatDuration } from '../../renderer/src/components/CallTimer';
import { applyLanguage } from '../../renderer/src/i18n';
import { useCallsStore } from '../../renderer/src/stores/calls-store';

import { transport } from './setup';
import { ok, registered, ringing, sent, showCalls } from './support/calls';
import { plain } from './support/text';

// The window's clock is set (vi.setSystemTime): the shared fixture was answered 65 s before it,
// so the timer reads exactly 1:05.
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const active: CallState = { ...ringing, state: 'active', answeredAt: NOW - 65_000 };
beforeEach(() => vi.setSystemTime(NOW));
afterEach(() => vi.useRealTimers());
const answerWith = (call: CallState) => ok(call);
const showCall = (call: CallState) => showCalls(call);

describe('incoming call card', () => {
  it('shows who is calling and answers with the Answer button', async () => {
    transport.respond('phone:answer', answerWith(ringing));
    await showCall(ringing);
    const card = screen.getByRole('region', { name: 'Incoming call' });
    expect(within(card).getByText('Noa Cohen')).toBeTruthy();
    expect(within(card).getByText('0501234567')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Answer' }));
    await waitFor(() => expect(sent('phone:answer')).toEqual([{ callId: 'c1' }]));
  });

  it('declines with the Decline button, and shows how the call ended', async () => {
    transport.respond('phone:decline', answerWith(ringing));
    await showCall(ringing);
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(sent('phone:decline')).toEqual([{ callId: 'c1' }]));
    act(() => transport.emit('phone:call', { ...ringing, state: 'ended', endReason: 'declined' }));
    expect(screen.queryByRole('region', { name: 'Incoming call' })).toBeNull();
    expect(plain(screen.getByTestId('call-ended').textContent)).toBe('Call with Noa Cohen ended: declined.');
  });

  it('shows the number alone when the caller has no name', async () => {
    await showCall({ ...ringing, remote: { uri: 'sip:customer@127.0.0.1', displayName: null } });
    const card = screen.getByRole('region', { name: 'Incoming call' });
    expect(within(card).getByText('customer')).toBeTruthy();
  });
});

describe('in-call view', () => {
  it('shows the time since answering and connected status', async () => {
    await showCall(active);
    const view = screen.getByRole('region', { name: 'Noa Cohen' });
    expect(plain(within(view).getByRole('timer', { name: 'Call duration' }).textContent)).toBe('1:05');
    expect(within(view).getByText(/Connected/)).toBeTruthy();
  });

  it('holds and resumes: Hold becomes Resume once main says the call is held', async () => {
    transport.respond('phone:hold', (body) =>
      answerWith({ ...active, heldByMe: (body as { hold: boolean }).hold })(),
    );
    await showCall(active);
    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    await waitFor(() => expect(sent('phone:hold')).toEqual([{ callId: 'c1', hold: true }]));
    act(() => transport.emit('phone:call', { ...active, heldByMe: true }));
    expect(screen.getByText(/On hold/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() =>
      expect(sent('phone:hold')).toEqual([
        { callId: 'c1', hold: true },
        { callId: 'c1', hold: false },
      ]),
    );
  });

  it('mutes through the window’s microphone control, shown as a pressed button', async () => {
    const mutes: Array<[string, boolean]> = [];
    useCallsStore.setState({
      microphone: { setMuted: (callId, muted) => (mutes.push([callId, muted]), true) },
    });
    await showCall(active);
    const mute = screen.getByRole('button', { name: 'Mute' });
    expect(mute.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(mute);
    expect(mute.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(mute);
    expect(mutes).toEqual([
      ['c1', true],
      ['c1', false],
    ]);
  });

  it('hangs up, and says so when main refuses', async () => {
    transport.respond('phone:hangup', () => ({
      ok: false,
      error: { code: 'not-found', message: 'That call has already ended.' },
    }));
    await showCall(active);
    fireEvent.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(plain((await screen.findByRole('alert')).textContent)).toBe(
      'That did not work: That call has already ended.',
    );
    expect(sent('phone:hangup')).toEqual([{ callId: 'c1' }]);
  });

  it('tells the agent when the other side holds the call', async () => {
    await showCall({ ...active, heldByRemote: true });
    expect(screen.getByText(/The other side put you on hold/)).toBeTruthy();
  });
});

describe('dialer', () => {
  it('calls the number when Enter is pressed in the field', async () => {
    transport.respond('phone:dial', answerWith({ ...ringing, direction: 'outbound', state: 'dialing' }));
    registered();
    render(<App />);
    const field = await screen.findByLabelText('Number to call');
    fireEvent.change(field, { target: { value: '+972 50-123-4567' } });
    fireEvent.submit(field);
    await waitFor(() => expect(sent('phone:dial')).toEqual([{ target: '+972 50-123-4567' }]));
    await waitFor(() => expect((field as HTMLInputElement).value).toBe(''));
  });

  it('keeps the number and shows main’s reason when the call cannot be placed', async () => {
    transport.respond('phone:dial', () => ({
      ok: false,
      error: { code: 'unavailable', message: 'The phone is not connected.' },
    }));
    registered();
    render(<App />);
    const field = await screen.findByLabelText('Number to call');
    fireEvent.change(field, { target: { value: '1002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(plain((await screen.findByRole('alert')).textContent)).toContain('The phone is not connected.');
    expect((field as HTMLInputElement).value).toBe('1002');
  });
});

describe('Hebrew', () => {
  it('shows the call screens right to left with Hebrew names for every control', async () => {
    await showCall(ringing);
    await act(() => applyLanguage('he'));
    expect(document.documentElement.dir).toBe('rtl');
    expect(screen.getByRole('region', { name: 'שיחה נכנסת' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'מענה' })).toBeTruthy();
    act(() => transport.emit('phone:call', active));
    for (const name of ['השתקה', 'המתנה', 'ניתוק']) expect(screen.getByRole('button', { name })).toBeTruthy();
  });
});

describe('call duration', () => {
  it.each([
    [0, '0:00'],
    [65, '1:05'],
    [3_729, '1:02:09'],
  ])('%i s is %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});
