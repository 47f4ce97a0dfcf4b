import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CallState, RecoverySettings } from '../../preload/contract';
import { DEFAULT_RECOVERY_POLICY, DEFAULT_RECOVERY_PREFERENCES } from '../../main/settings/recovery-settings';
import { markedOn } from '../../renderer/src/components/beyond/MarkedBeforeNotice';
import { IncomingCallCard } from '../../renderer/src/components/IncomingCallCard';
import { applyLanguage } from '../../renderer/src/i18n';
import { initialRecovery, useRecoveryStore } from '../../renderer/src/stores/recovery-store';

import { transport } from './setup';
import { ok, refuse, ringing, sent } from './support/calls';
import { plain } from './support/text';

const MARKED_AT = new Date(2026, 2, 3, 14, 30).getTime();
const again: CallState = {
  ...ringing,
  startedAt: new Date(2026, 2, 20).getTime(),
  markedBefore: { at: MARKED_AT },
};
const withLead = (leadUri: string | null): RecoverySettings => ({
  policy: { ...DEFAULT_RECOVERY_POLICY, leadUri },
  preferences: DEFAULT_RECOVERY_PREFERENCES,
});

beforeEach(() => useRecoveryStore.setState({ ...initialRecovery, settings: withLead('2000') }));
afterEach(() => act(() => applyLanguage('en')));

const card = () => screen.getByRole('region', { name: 'Incoming call' });

describe('the heads-up on a caller marked before', () => {
  it('says when the agent marked this caller, and nothing for a caller never marked', () => {
    const { unmount } = render(<IncomingCallCard call={again} />);
    expect(plain(within(card()).getByTestId('marked-before').textContent)).toContain(
      'You marked a call from this number as abusive on March 3.',
    );
    unmount();
    render(<IncomingCallCard call={{ ...ringing, markedBefore: null }} />);
    expect(screen.queryByTestId('marked-before')).toBeNull();
    expect(within(card()).queryByRole('button', { name: 'Transfer to my lead' })).toBeNull();
  });

  it('names the year when the mark was in another year', () => {
    expect(markedOn(new Date(2025, 11, 30).getTime(), new Date(2026, 0, 2).getTime(), 'en')).toBe(
      'December 30, 2025',
    );
  });

  it('Transfer to my lead answers the ringing call and hands it to the lead', async () => {
    transport.respond('phone:answer', ok({ ...again, state: 'active' }));
    transport.respond('phone:transferBlind', ok(null));
    render(<IncomingCallCard call={again} />);
    fireEvent.click(within(card()).getByRole('button', { name: 'Transfer to my lead' }));
    await waitFor(() => expect(sent('phone:transferBlind')).toEqual([{ callId: 'c1', target: '2000' }]));
    expect(sent('phone:answer')).toEqual([{ callId: 'c1' }]);
  });

  it('says why when the transfer fails, and offers no transfer without a lead', async () => {
    transport.respond('phone:answer', ok({ ...again, state: 'active' }));
    transport.respond('phone:transferBlind', refuse('The lead did not answer.'));
    const { unmount } = render(<IncomingCallCard call={again} />);
    fireEvent.click(within(card()).getByRole('button', { name: 'Transfer to my lead' }));
    expect(plain((await screen.findByRole('alert')).textContent)).toContain('The lead did not answer.');
    unmount();
    useRecoveryStore.setState({ settings: withLead(null) });
    render(<IncomingCallCard call={again} />);
    expect(screen.getByTestId('marked-before')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Transfer to my lead' })).toBeNull();
  });

  it('in Hebrew, with the date isolated inside the sentence', async () => {
    await act(() => applyLanguage('he'));
    render(<IncomingCallCard call={again} />);
    const text = screen.getByTestId('marked-before').textContent ?? '';
    expect(text).toContain('סימנת שיחה מהמספר הזה כפוגענית ב־\u20683 במרץ\u2069.');
    expect(screen.getByRole('button', { name: 'העברה לראש הצוות' })).toBeTruthy();
  });
});
