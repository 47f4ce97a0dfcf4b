/**
 * A ringing call is never hidden: its card shows above every screen, modals (the reflection) give
 * way to it and come back with the draft; answering shows the phone with focus on Hang up; focus
 * never falls to the page body. Marks are the call's state: Change, never a second mark.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { RecoveryState } from '../../preload/contract';

import { transport } from './setup';
import { active, ok, ringing, sent, showCalls } from './support/calls';

const idle: RecoveryState = {
  active: null,
  scheduled: null,
  suggestLonger: null,
  reflection: null,
  queue: { state: 'off', error: null },
  now: Date.now(),
};
const reflecting: RecoveryState = { ...idle, reflection: { breakId: 4, callId: 7 } };
const ended = { ...active, state: 'ended' as const, endReason: 'remote-hangup' as const };

beforeEach(() => {
  transport.respond('breaks:get', ok(idle));
  transport.respond('phone:answer', ok(null));
  transport.respond('phone:decline', ok(null));
  transport.respond('phone:hangup', ok(null));
});

describe('a ringing call', () => {
  it('shows above the journal screen; answering shows the phone with focus on Hang up', async () => {
    await showCalls();
    fireEvent.click(screen.getByRole('button', { name: 'Journal' }));
    act(() => transport.emit('phone:call', ringing));
    const card = within(screen.getByTestId('ringing-layer')).getByTestId('incoming-call');
    expect(card.textContent).toContain('Noa Cohen');
    const answer = within(card).getByRole('button', { name: 'Answer' });
    answer.focus();
    fireEvent.click(answer);
    await act(async () => undefined);
    act(() => transport.emit('phone:call', active));
    expect(screen.getByRole('heading', { level: 1, name: 'Phone' })).toBeTruthy();
    expect(sent('phone:answer')).toEqual([{ callId: 'c1' }]);
    await act(async () => undefined);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Hang up' }));
  });

  it('closes the reflection while it rings, then brings it back with what was typed', async () => {
    transport.respond('breaks:get', ok(reflecting));
    await showCalls();
    const dialog = await screen.findByRole('dialog', { name: 'How are you now?' });
    fireEvent.change(within(dialog).getByLabelText('What I felt'), { target: { value: 'Shaken' } });
    act(() => transport.emit('phone:call', ringing));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(false);
    const card = screen.getByTestId('incoming-call');
    expect(card.closest('[aria-hidden="true"]')).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Decline' }));
    await act(async () => undefined);
    act(() => transport.emit('phone:call', { ...ringing, state: 'ended', endReason: 'declined' }));
    const back = await screen.findByRole('dialog', { name: 'How are you now?' });
    expect((within(back).getByLabelText('What I felt') as HTMLTextAreaElement).value).toBe('Shaken');
  });

  it('Escape puts the reflection off; the bar offers it again with the draft', async () => {
    transport.respond('breaks:get', ok(reflecting));
    await showCalls();
    const dialog = await screen.findByRole('dialog', { name: 'How are you now?' });
    fireEvent.change(within(dialog).getByLabelText('What I thought'), { target: { value: 'Not my fault' } });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await act(async () => undefined);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Continue your reflection' }));
    const back = await screen.findByRole('dialog', { name: 'How are you now?' });
    expect((within(back).getByLabelText('What I thought') as HTMLTextAreaElement).value).toBe('Not my fault');
  });
});

describe('the break as a true modal', () => {
  it('hides the rest of the window and cannot be escaped', async () => {
    const now = Date.now();
    transport.respond(
      'breaks:get',
      ok({
        ...idle,
        now,
        active: {
          id: 1,
          callId: 7,
          trigger: 'abusive-call',
          startedAt: now,
          endsAt: now + 90_000,
          canEndAt: now + 30_000,
          latestEndsAt: now + 600_000,
          extendBySeconds: 60,
        },
      }),
    );
    await showCalls();
    const dialog = await screen.findByRole('dialog', { name: 'Take a moment' });
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Take a moment' }));
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Journal' })).toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await act(async () => undefined);
    expect(screen.getByRole('dialog', { name: 'Take a moment' })).toBe(dialog);
  });
});

describe('a mark is the call’s state', () => {
  it('says the call is marked and offers Change, not a second mark; the hotkey does not mark again', async () => {
    transport.respond(
      'marks:add',
      ok({ markId: 5, kind: 'abusive', callId: 'c1', undoUntil: Date.now() + 10_000 }),
    );
    await showCalls(active);
    const bar = screen.getByTestId('mark-bar');
    const markButton = within(bar).getByRole('button', { name: 'Mark abusive' });
    markButton.focus();
    fireEvent.click(markButton);
    await act(async () => undefined);
    expect(sent('marks:add')).toEqual([{ callId: 'c1', kind: 'abusive', categories: [] }]);
    expect(within(bar).getByTestId('mark-state').textContent).toBe('Marked as abusive.');
    expect(within(bar).queryByRole('button', { name: 'Mark abusive' })).toBeNull();
    expect(document.activeElement).toBe(within(bar).getByRole('button', { name: 'Change mark' }));

    act(() => transport.emit('shell:hotkey', { action: 'markAbusive' }));
    await act(async () => undefined);
    expect(sent('marks:add')).toHaveLength(1);

    fireEvent.click(within(bar).getByRole('button', { name: 'Change mark' }));
    fireEvent.click(within(bar).getByRole('radio', { name: 'Very hard' }));
    fireEvent.click(within(bar).getByRole('button', { name: 'Save as abusive' }));
    await act(async () => undefined);
    expect(sent('marks:add')[1]).toEqual({ callId: 'c1', kind: 'abusive', categories: [], severity: 3 });
    expect(within(bar).getByTestId('mark-state')).toBeTruthy();
  });

  it('after hang-up, focus goes to the mark bar of the call that just ended', async () => {
    await showCalls(active);
    const hangUp = screen.getByRole('button', { name: 'Hang up' });
    hangUp.focus();
    fireEvent.click(hangUp);
    await act(async () => undefined);
    act(() => transport.emit('phone:call', ended));
    await act(async () => undefined);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Mark abusive' }));
  });
});
