/**
 * During a call, digits typed anywhere go out as keypad tones (not while typing in a field or in a
 * modal, not to a call on hold); the transfer panel is a modal with its number field focused,
 * Escape closes it and gives focus back, and a refusal is shown inside it.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { transport } from './setup';
import { active, ok, refuse, sent, showCalls } from './support/calls';
import { plain } from './support/text';

describe('keyboard digits during a call', () => {
  it('send tones from anywhere but a field, and never to a call on hold', async () => {
    transport.respond('phone:sendDtmf', ok(active));
    await showCalls(active);
    fireEvent.keyDown(document.body, { key: '5' });
    fireEvent.keyDown(document.body, { key: '#' });
    fireEvent.keyDown(document.body, { key: 'a' });
    await act(async () => undefined);
    expect(sent('phone:sendDtmf')).toEqual([
      { callId: 'c1', tones: '5' },
      { callId: 'c1', tones: '#' },
    ]);
    act(() => transport.emit('phone:call', { ...active, heldByMe: true }));
    fireEvent.keyDown(document.body, { key: '7' });
    await act(async () => undefined);
    expect(sent('phone:sendDtmf')).toHaveLength(2);
  });
});

describe('the transfer panel', () => {
  it('is a modal with the field focused; Escape gives focus back; a refusal shows inside it', async () => {
    transport.respond('phone:transferBlind', refuse('The transfer was refused (SIP 403).'));
    await showCalls(active);
    const open = screen.getByRole('button', { name: 'Transfer' });
    open.focus();
    fireEvent.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Transfer' });
    const field = within(dialog).getByLabelText('Transfer to');
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: '5' });
    await act(async () => undefined);
    expect(sent('phone:sendDtmf')).toEqual([]);
    fireEvent.change(field, { target: { value: '2002' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Transfer now' }));
    await act(async () => undefined);
    expect(plain(within(dialog).getByRole('alert').textContent)).toBe(
      'That did not work: The transfer was refused (SIP 403).',
    );
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await act(async () => undefined);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Transfer' })),
    );
  });
});
