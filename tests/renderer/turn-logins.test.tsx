/**
 * The TURN login form: the credential is sent once and never shown again (only "a password is
 * stored"), a login without a username cannot be sent, and the form reads in Hebrew too.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { CallSettings } from '../../renderer/src/components/CallSettings';
import { applyLanguage } from '../../renderer/src/i18n';
import { useAudioStore } from '../../renderer/src/stores/audio-store';

import { defaultPhone, transport } from './setup';

const TURN = 'turn:turn.example.org:3478';
const noLogins = { storage: 'encrypted', logins: [] };

describe('TURN server logins', () => {
  it('sends the username and credential, then shows only that a password is stored', async () => {
    const sent: unknown[] = [];
    transport.respond('settings:getTurnLogins', () => ({ ok: true, value: noLogins }));
    transport.respond('settings:setTurnLogin', (payload) => {
      sent.push(payload);
      return {
        ok: true,
        value: { storage: 'encrypted', logins: [{ url: TURN, username: 'agent7', hasCredential: true }] },
      };
    });
    useAudioStore.setState({ preferences: { ...defaultPhone, iceServers: ['stun:stun.example.org', TURN] } });
    render(<CallSettings />);
    const form = await screen.findByRole('form', { name: TURN });
    const save = screen.getByRole('button', { name: 'Save login' });
    const credential = screen.getByLabelText('Password (credential)');
    fireEvent.change(credential, { target: { value: 's3cret' } });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'agent7' } });
    fireEvent.click(save);
    await screen.findByText('A password is stored for this server.');
    expect(sent).toEqual([{ url: TURN, username: 'agent7', credential: 's3cret' }]);
    expect(credential).toHaveProperty('value', '');
    expect(form.textContent).not.toContain('s3cret');
    expect(screen.queryByRole('form', { name: 'stun:stun.example.org' })).toBeNull();
  });

  it('shows no login form for STUN only, and says in Hebrew when passwords last one run', async () => {
    transport.respond('settings:getTurnLogins', () => ({
      ok: true,
      value: { ...noLogins, storage: 'session-only' },
    }));
    useAudioStore.setState({ preferences: { ...defaultPhone, iceServers: ['stun:stun.example.org'] } });
    const { unmount } = render(<CallSettings />);
    await act(async () => undefined);
    expect(screen.queryByRole('form', { name: TURN })).toBeNull();
    unmount();
    await act(() => applyLanguage('he'));
    useAudioStore.setState({ preferences: { ...defaultPhone, iceServers: [TURN] } });
    render(<CallSettings />);
    expect(
      await screen.findByText('המחשב הזה לא יכול להצפין סיסמאות: הן נשמרות רק עד לסגירת Steadyline.'),
    ).toBeTruthy();
    expect(screen.getByLabelText('שם משתמש')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'שמירת פרטי הכניסה' })).toBeTruthy();
  });
});
