/**
 * The recorded warning beside the call: the two buttons, what the agent sees while one plays,
 * Stop, the hotkeys, main's refusals in the agent's words, the final warning's mark, and Hebrew.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { PlayingWarning, WarningsState } from '../../preload/contract';
import { applyLanguage } from '../../renderer/src/i18n';
import { useRecoveryStore } from '../../renderer/src/stores/recovery-store';

import { transport } from './setup';
import { active, ok, sent, showCalls } from './support/calls';
import { plain } from './support/text';

const playing = (kind: PlayingWarning['kind']): PlayingWarning => ({
  callId: 'c1',
  kind,
  source: 'built-in',
  startedAt: Date.now(),
  endsAt: Date.now() + 8_000,
});
const idle: WarningsState = { playing: null, itRecordingProblems: [] };
const controls = () => screen.getByRole('region', { name: 'Recorded warning' });

describe('the recorded warning beside the call', () => {
  it('plays the warning: the agent is told the microphone is off, sees the time left, and can stop it', async () => {
    transport.respond('warnings:play', ok({ playing: playing('warning'), mark: null }));
    transport.respond('warnings:stop', ok(idle));
    await showCalls(active);
    fireEvent.click(within(controls()).getByRole('button', { name: 'Play the warning' }));
    await waitFor(() => expect(sent('warnings:play')).toEqual([{ callId: 'c1', kind: 'warning' }]));
    const status = await within(controls()).findByRole('status');
    // Both wordings are in the page; CSS shows the short one where the window is docked narrow.
    expect(plain(status.textContent)).toMatch(
      /^The warning is playing to the caller\. Your microphone is off\.Warning playing, microphone off\. [78] s left$/,
    );
    expect(within(controls()).getByRole('timer').getAttribute('aria-live')).toBe('off');
    expect(within(controls()).queryByRole('button', { name: 'Play the warning' })).toBeNull();

    fireEvent.click(within(controls()).getByRole('button', { name: 'Stop the warning' }));
    await waitFor(() => expect(sent('warnings:stop')).toEqual([{ callId: 'c1' }]));
    expect(await within(controls()).findByRole('button', { name: 'Play the warning' })).toBeTruthy();
  });

  it('comes back when main says the warning ended', async () => {
    await showCalls(active);
    act(() => transport.emit('warnings:state', { playing: playing('warning'), itRecordingProblems: [] }));
    expect(within(controls()).getByRole('button', { name: 'Stop the warning' })).toBeTruthy();
    act(() => transport.emit('warnings:state', idle));
    expect(within(controls()).getByRole('button', { name: 'Play the warning' })).toBeTruthy();
  });

  it('plays the final warning: says the call ends after it, and the call shows as marked abusive', async () => {
    const mark = { markId: 9, kind: 'abusive', callId: 'c1', undoUntil: Date.now() + 10_000 };
    transport.respond('warnings:play', ok({ playing: playing('final'), mark }));
    await showCalls(active);
    const final = within(controls()).getByRole('button', { name: 'Final warning and end call' });
    const description = document.getElementById(final.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(
      'Plays the closing message, then ends the call and marks it abusive.',
    );
    fireEvent.click(final);
    await waitFor(() => expect(sent('warnings:play')).toEqual([{ callId: 'c1', kind: 'final' }]));
    expect(plain((await within(controls()).findByRole('status')).textContent)).toContain(
      'The final warning is playing; the call ends after it. Your microphone is off.',
    );
    expect(within(controls()).getByRole('button', { name: 'Stop and keep the call' })).toBeTruthy();
    expect(useRecoveryStore.getState().marks.c1).toMatchObject({ kind: 'abusive', markId: 9 });
  });

  it('says why main refused, in the agent’s words', async () => {
    transport.respond('warnings:play', () => ({
      ok: false,
      error: { code: 'unavailable', message: 'The warning could not be played.', reason: 'warning.failed' },
    }));
    await showCalls(active);
    fireEvent.click(within(controls()).getByRole('button', { name: 'Play the warning' }));
    expect(plain((await within(controls()).findByRole('alert')).textContent)).toBe(
      'The warning could not be played. Your microphone is on.',
    );
  });

  it('is not offered for a call on hold or still ringing', async () => {
    await showCalls({ ...active, heldByMe: true });
    expect(screen.queryByRole('region', { name: 'Recorded warning' })).toBeNull();
    act(() => transport.emit('phone:call', { ...active, heldByMe: false, heldByRemote: true }));
    expect(screen.queryByRole('region', { name: 'Recorded warning' })).toBeNull();
    act(() => transport.emit('phone:call', { ...active, heldByRemote: false }));
    expect(controls()).toBeTruthy();
  });

  it('tells the agent when IT’s recording could not be used', async () => {
    transport.respond(
      'warnings:get',
      ok({ playing: null, itRecordingProblems: [{ kind: 'warning', reason: 'too-long' }] }),
    );
    await showCalls(active);
    expect(
      await within(controls()).findByText(
        'The recording your IT team set could not be played, so the built-in one is used.',
      ),
    ).toBeTruthy();
  });

  it('plays from the global hotkeys on the call being talked on, and never on one on hold', async () => {
    transport.respond('warnings:play', ok({ playing: playing('warning'), mark: null }));
    await showCalls({ ...active, heldByMe: true });
    act(() => transport.emit('shell:hotkey', { action: 'warn' }));
    act(() => transport.emit('phone:call', { ...active, heldByMe: false }));
    act(() => transport.emit('shell:hotkey', { action: 'finalWarning' }));
    await waitFor(() => expect(sent('warnings:play')).toEqual([{ callId: 'c1', kind: 'final' }]));
  });

  it('speaks Hebrew, right to left', async () => {
    transport.respond('warnings:play', ok({ playing: playing('final'), mark: null }));
    await showCalls(active);
    await act(() => applyLanguage('he'));
    const region = screen.getByRole('region', { name: 'אזהרה מוקלטת' });
    expect(document.documentElement.dir).toBe('rtl');
    fireEvent.click(within(region).getByRole('button', { name: 'אזהרה אחרונה וסיום השיחה' }));
    expect(plain((await within(region).findByRole('status')).textContent)).toContain(
      'האזהרה האחרונה מושמעת; השיחה תסתיים אחריה. המיקרופון שלך כבוי.',
    );
    expect(within(region).getByRole('button', { name: 'עצירה והמשך השיחה' })).toBeTruthy();
  });
});
