import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { useCallsStore } from '../../renderer/src/stores/calls-store';

import { transport } from './setup';
import { active, ok, refuse, ringing, second, sent, showCalls } from './support/calls';
import { named, plain } from './support/text';

describe('dial pad', () => {
  it('cleans up a pasted number, takes keypad presses, calls with Enter and redials', async () => {
    transport.respond('phone:dial', ok(active));
    await showCalls();
    const field = screen.getByLabelText('Number to call') as HTMLInputElement;
    fireEvent.paste(field, { clipboardData: { getData: () => '\u200f+972 (50) 123-4567' } });
    expect(field.value).toBe('+972501234567');
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Dial pad' })).getByRole('button', { name: 'pound' }),
    );
    expect(field.value).toBe('+972501234567#');
    fireEvent.change(field, { target: { value: '100' } });
    fireEvent.submit(field);
    await waitFor(() => expect(sent('phone:dial')).toEqual([{ target: '100' }]));
    await waitFor(() => expect(field.value).toBe(''));
    fireEvent.click(screen.getByRole('button', { name: named('Redial 100') }));
    await waitFor(() => expect(sent('phone:dial')).toHaveLength(2));
  });
});

describe('call waiting', () => {
  it('shows a second call as waiting, says the current call will be held, and answers it', async () => {
    transport.respond('phone:answer', ok(second));
    await showCalls(active, second);
    const card = screen.getByRole('region', { name: 'Call waiting' });
    expect(plain(card.textContent)).toContain('Avi Mizrahi');
    expect(plain(card.textContent)).toContain('Answering puts Noa Cohen on hold.');
    fireEvent.click(within(card).getByRole('button', { name: 'Answer and hold the current call' }));
    await waitFor(() => expect(sent('phone:answer')).toEqual([{ callId: 'c2' }]));
  });
});

describe('in-call keypad and transfers', () => {
  it('sends keypad tones to the other side', async () => {
    transport.respond('phone:sendDtmf', ok(active));
    await showCalls(active);
    fireEvent.click(screen.getByRole('button', { name: 'Keypad' }));
    const keypad = screen.getByRole('group', { name: 'Keypad: tones to the other side' });
    fireEvent.click(within(keypad).getByRole('button', { name: '5 JKL' }));
    await waitFor(() => expect(sent('phone:sendDtmf')).toEqual([{ callId: 'c1', tones: '5' }]));
  });

  it('transfers blind, and tells the agent in main’s words when the other side refuses', async () => {
    transport.respond('phone:transferBlind', refuse('The transfer was refused (403).'));
    await showCalls(active);
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    fireEvent.change(screen.getByLabelText('Transfer to'), { target: { value: '2002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer now' }));
    await waitFor(() => expect(sent('phone:transferBlind')).toEqual([{ callId: 'c1', target: '2002' }]));
    expect(plain((await screen.findByRole('alert')).textContent)).toBe(
      'That did not work: The transfer was refused (403).',
    );
  });

  it('consults first, then completes the attended transfer from the consultation’s card', async () => {
    transport.respond(
      'phone:dial',
      ok({ ...second, direction: 'outbound', state: 'dialing', waiting: false }),
    );
    transport.respond('phone:transferAttended', ok(null));
    await showCalls(active);
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    fireEvent.change(screen.getByLabelText('Transfer to'), { target: { value: '2002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Consult first' }));
    await waitFor(() => expect(sent('phone:dial')).toEqual([{ target: '2002' }]));
    act(() => transport.emit('phone:call', { ...active, heldByMe: true }));
    act(() =>
      transport.emit('phone:call', {
        ...second,
        direction: 'outbound',
        state: 'active',
        waiting: false,
        answeredAt: Date.now(),
      }),
    );
    const consult = screen.getByRole('region', { name: 'Avi Mizrahi' });
    fireEvent.click(
      within(consult).getByRole('button', {
        name: named('Complete transfer: connect Noa Cohen with this call'),
      }),
    );
    await waitFor(() =>
      expect(sent('phone:transferAttended')).toEqual([{ callId: 'c1', consultCallId: 'c2' }]),
    );
  });

  it('shows live call quality from the window’s audio', async () => {
    useCallsStore.setState({
      microphone: {
        setMuted: () => true,
        quality: async () => ({
          packetLossPercent: 1.5,
          jitterMs: 4,
          roundTripMs: 30,
          mos: 4.2,
          packetsReceived: 0,
          packetsSent: 250,
        }),
      },
    });
    await showCalls(active);
    fireEvent.click(screen.getByRole('button', { name: 'Call quality' }));
    const panel = await screen.findByTestId('call-quality');
    await waitFor(() => expect(plain(panel.textContent)).toContain('4.2 of 4.5'));
    expect(plain(panel.textContent)).toContain('1.5 %');
    expect(plain(panel.textContent)).toContain('30 ms');
    expect(plain(panel.textContent)).toContain('No audio arrived from the other side (one-way audio).');
  });
});

describe('global hotkeys in the window', () => {
  it('answers the ringing call, mutes and hangs up the current one', async () => {
    const mutes: boolean[] = [];
    useCallsStore.setState({ microphone: { setMuted: (_id, muted) => (mutes.push(muted), true) } });
    transport.respond('phone:answer', ok(active));
    transport.respond('phone:hangup', ok(active));
    await showCalls(ringing);
    act(() => transport.emit('shell:hotkey', { action: 'answer' }));
    await waitFor(() => expect(sent('phone:answer')).toEqual([{ callId: 'c1' }]));
    act(() => transport.emit('phone:call', active));
    act(() => transport.emit('shell:hotkey', { action: 'mute' }));
    expect(mutes).toEqual([true]);
    act(() => transport.emit('shell:hotkey', { action: 'hangup' }));
    await waitFor(() => expect(sent('phone:hangup')).toEqual([{ callId: 'c1' }]));
  });
});
