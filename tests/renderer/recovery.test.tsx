/**
 * The recovery screens in jsdom over the bridge double: marking (with details, Undo, failure shown),
 * the full-window break (countdown, floor, ceiling, reduced motion, queue failure), the reflection
 * (required scores, saved as typed, skippable), the journal view (filter, delete) and Hebrew.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { CallState, type RecoverySettings, type RecoveryState } from '../../preload/contract';
import { DEFAULT_RECOVERY_POLICY, DEFAULT_RECOVERY_PREFERENCES } from '../../main/settings/recovery-settings';
import { RecoveryLayer } from '../../renderer/src/components/recovery/RecoveryLayer';
import { applyLanguage } from '../../renderer/src/i18n';
import { useCallsStore } from '../../renderer/src/stores/calls-store';
import { initialRecovery, useRecoveryStore } from '../../renderer/src/stores/recovery-store';

import { transport } from './setup';
import { plain } from './support/text';

/** The window's clock in every test here (vi.setSystemTime), so countdowns read exact values. */
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

const call: CallState = CallState.parse({
  id: 'c1',
  journalId: 1,
  direction: 'inbound',
  state: 'active',
  remote: { uri: 'sip:0501234567@pbx', displayName: 'Noa Cohen' },
  startedAt: NOW,
  answeredAt: NOW,
  heldByMe: false,
  heldByRemote: false,
  waiting: false,
  endReason: null,
});
const idle: RecoveryState = {
  active: null,
  scheduled: null,
  suggestLonger: null,
  reflection: null,
  queue: { state: 'off', error: null },
  now: NOW,
};
/** The shipped defaults, with a lead to transfer to (the button shows only then). */
const settings: RecoverySettings = {
  policy: { ...DEFAULT_RECOVERY_POLICY, leadUri: '2000' },
  preferences: DEFAULT_RECOVERY_PREFERENCES,
};
const onBreak = (overrides: Partial<RecoveryState> = {}): RecoveryState => {
  const now = NOW;
  return {
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
    ...overrides,
  };
};
afterEach(() => vi.useRealTimers());

const sent = (channel: string) =>
  transport.calls.filter(([name]) => name === channel).map(([, body]) => body);

beforeEach(() => {
  vi.setSystemTime(NOW);
  useRecoveryStore.setState(initialRecovery);
  transport.respond('breaks:get', () => ({ ok: true, value: idle }));
  transport.respond('recovery:getSettings', () => ({ ok: true, value: settings }));
});

async function showLayer(state: RecoveryState = idle) {
  transport.respond('breaks:get', () => ({ ok: true, value: state }));
  await act(() => useRecoveryStore.getState().load());
  render(<RecoveryLayer />);
}

describe('marking a call', () => {
  it('marks the current call abusive with the details chosen, and offers Undo', async () => {
    useCallsStore.setState({ calls: [call] });
    transport.respond('marks:add', () => ({
      ok: true,
      value: { markId: 5, kind: 'abusive', callId: 'c1', undoUntil: NOW + 10_000 },
    }));
    transport.respond('marks:undo', () => ({ ok: true, value: null }));
    await showLayer();
    const bar = screen.getByRole('region', { name: 'This call' });
    fireEvent.click(within(bar).getByText('Add what happened (optional)'));
    fireEvent.click(within(bar).getByLabelText('Threats'));
    fireEvent.click(within(bar).getByLabelText('Very hard'));
    fireEvent.click(within(bar).getByRole('button', { name: 'Mark abusive' }));
    expect(await within(bar).findByText(/Marked as abusive/)).toBeTruthy();
    expect(sent('marks:add')).toEqual([
      { callId: 'c1', kind: 'abusive', severity: 3, categories: ['threats'] },
    ]);
    fireEvent.click(within(bar).getByRole('button', { name: /^Undo \(\d+ s\)$/ }));
    await act(async () => undefined);
    expect(sent('marks:undo')).toEqual([{ markId: 5 }]);
    expect(within(bar).queryByText(/Marked as abusive/)).toBeNull();
  });

  it('shows main’s refusal, and hands an abusive caller to the lead with one button', async () => {
    useCallsStore.setState({ calls: [call] });
    transport.respond('marks:add', () => ({
      ok: false,
      error: { code: 'conflict', message: 'Calls can be marked up to 5 minutes after they end.' },
    }));
    await showLayer();
    fireEvent.click(screen.getByRole('button', { name: 'Transfer to my lead' }));
    expect(plain((await screen.findByRole('alert')).textContent)).toBe(
      'That did not work: Calls can be marked up to 5 minutes after they end.',
    );
    expect(sent('phone:transferBlind')).toEqual([]);

    transport.respond('marks:add', () => ({
      ok: true,
      value: { markId: 6, kind: 'abusive', callId: 'c1', undoUntil: NOW + 10_000 },
    }));
    transport.respond('phone:transferBlind', () => ({ ok: true, value: null }));
    fireEvent.click(screen.getByRole('button', { name: 'Transfer to my lead' }));
    await screen.findByText(/Marked as abusive/);
    expect(sent('phone:transferBlind')).toEqual([{ callId: 'c1', target: '2000' }]);
  });
});

describe('the mark-abusive hotkey', () => {
  it('marks the current call, or else the call that just ended', async () => {
    transport.respond('marks:add', () => ({
      ok: true,
      value: { markId: 7, kind: 'abusive', callId: 'c1', undoUntil: NOW + 10_000 },
    }));
    const stop = useRecoveryStore.getState().follow();
    useCallsStore.setState({ calls: [call] });
    act(() => transport.emit('shell:hotkey', { action: 'markAbusive' }));
    useCallsStore.setState({ calls: [], lastEnded: { ...call, id: 'c0', state: 'ended' } });
    act(() => transport.emit('shell:hotkey', { action: 'mute' }));
    act(() => transport.emit('shell:hotkey', { action: 'markAbusive' }));
    await act(async () => undefined);
    stop();
    expect(sent('marks:add')).toEqual([
      { callId: 'c1', kind: 'abusive' },
      { callId: 'c0', kind: 'abusive' },
    ]);
  });
});

describe('the break screen', () => {
  it('covers the window with the countdown and breathing; end waits for the floor; extends', async () => {
    transport.respond('breaks:extend', () => ({ ok: true, value: onBreak() }));
    await showLayer(
      onBreak({ queue: { state: 'failed', error: 'The queue was not told (no answer in time).' } }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Take a moment' });
    expect(plain(within(dialog).getByRole('timer').textContent)).toBe('1:30');
    expect(within(dialog).getByTestId('breathing').dataset.motion).toBe('moving');
    // The early-end countdown is readable text, not a faded disabled button.
    expect(plain(within(dialog).getByTestId('end-in').textContent)).toBe('You can end the break in 30 s');
    expect(within(dialog).queryByRole('button', { name: 'End break' })).toBeNull();
    expect(plain(dialog.textContent)).toContain(
      'Your queue could not be paused (The queue was not told (no answer in time).)',
    );
    expect(screen.queryByRole('region', { name: 'This call' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: '+60 s' }));
    await act(async () => undefined);
    expect(sent('breaks:extend')).toHaveLength(1);
  });

  it('keeps the circle still when the agent asked for reduced motion; offers the longer break', async () => {
    transport.respond('recovery:getSettings', () => ({
      ok: true,
      value: { ...settings, preferences: { ...settings.preferences, reducedMotion: true } },
    }));
    await showLayer(onBreak({ suggestLonger: { marks: 3, seconds: 300 } }));
    expect(screen.getByTestId('breathing').dataset.motion).toBe('still');
    expect(
      screen.getByText(/That's 3 hard calls this hour. A longer pause of 5 minutes may help./),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Take the longer break' })).toBeTruthy();
  });

  it('is right to left in Hebrew', async () => {
    await applyLanguage('he');
    await showLayer(onBreak());
    expect(screen.getByRole('dialog', { name: 'רגע לעצמך' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
  });
});

describe('the reflection', () => {
  it('asks for mood and difficulty before saving, then saves what was typed; can be skipped', async () => {
    transport.respond('reflections:save', () => ({ ok: true, value: idle }));
    transport.respond('reflections:skip', () => ({ ok: true, value: idle }));
    await showLayer({ ...idle, reflection: { breakId: 1, callId: 7 } });
    const form = screen.getByTestId('reflection');
    fireEvent.click(within(form).getByRole('button', { name: 'Save reflection' }));
    expect(
      within(form)
        .getAllByRole('alert')
        .map((alert) => alert.textContent),
    ).toEqual(['Choose a number from 1 to 5.', 'Choose a number from 1 to 5.']);
    expect(sent('reflections:save')).toEqual([]);
    fireEvent.click(within(within(form).getByRole('group', { name: 'Your mood now' })).getByLabelText('4'));
    fireEvent.click(
      within(within(form).getByRole('group', { name: 'How hard was the call' })).getByLabelText('5'),
    );
    fireEvent.change(within(form).getByLabelText('What I felt'), { target: { value: 'shaken' } });
    fireEvent.change(within(form).getByLabelText('What I thought'), { target: { value: 'not about me' } });
    fireEvent.click(within(form).getByLabelText('Breathing'));
    fireEvent.click(
      within(within(form).getByRole('group', { name: 'It was not about me' })).getByLabelText('5'),
    );
    fireEvent.click(within(form).getByLabelText("I'd like to talk about this with my lead"));
    fireEvent.click(within(form).getByRole('button', { name: 'Save reflection' }));
    await act(async () => undefined);
    expect(sent('reflections:save')).toEqual([
      {
        breakId: 1,
        mood: 4,
        difficulty: 5,
        notAboutMe: 5,
        felt: 'shaken',
        thought: 'not about me',
        helped: ['breathing'],
        talkToLead: true,
      },
    ]);
  });
});

describe('when main refuses', () => {
  it('keeps everything typed in the reflection and says why it was not saved', async () => {
    transport.respond('reflections:save', () => ({
      ok: false,
      error: { code: 'not-found', message: 'That break is no longer in your journal.' },
    }));
    await showLayer({ ...idle, reflection: { breakId: 1, callId: 7 } });
    const form = screen.getByTestId('reflection');
    fireEvent.click(within(within(form).getByRole('group', { name: 'Your mood now' })).getByLabelText('2'));
    fireEvent.click(
      within(within(form).getByRole('group', { name: 'How hard was the call' })).getByLabelText('4'),
    );
    fireEvent.change(within(form).getByLabelText('What I felt'), { target: { value: 'tired' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save reflection' }));
    expect(plain((await within(form).findByRole('alert')).textContent)).toBe(
      'That did not work: That break is no longer in your journal.',
    );
    expect((within(form).getByLabelText('What I felt') as HTMLTextAreaElement).value).toBe('tired');
  });
});
