/**
 * The window's IT pieces: a dial link is only dialled once the agent confirms; a field IT locked
 * is read-only with "set by your IT department"; Export diagnostics says where the zip went;
 * a certificate problem is named (in English and Hebrew), not a socket code.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../renderer/src/App';
import { AccountForm } from '../../renderer/src/components/AccountForm';
import { DiagnosticsExport } from '../../renderer/src/components/DiagnosticsExport';
import { StatusArea } from '../../renderer/src/components/StatusArea';
import { applyLanguage } from '../../renderer/src/i18n';
import { useRegistrationStore } from '../../renderer/src/stores/registration-store';
import { useSettingsStore } from '../../renderer/src/stores/settings-store';

import { emptySettings, transport } from './setup';

describe('a dial link', () => {
  it('asks first; Cancel dials nothing, Call dials the number', async () => {
    const dialled: unknown[] = [];
    transport.respond('phone:dial', (payload) => {
      dialled.push(payload);
      return { ok: false, error: { code: 'unavailable', message: 'test' } };
    });
    render(<App />);
    act(() => transport.emit('shell:dialLink', { target: '+97235551234', display: '+97235551234' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('+97235551234');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dialled).toEqual([]);
    act(() => transport.emit('shell:dialLink', { target: '1001', display: '1001' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Call' }));
    await act(async () => undefined);
    expect(dialled).toEqual([{ target: '1001' }]);
  });
});

describe('settings IT locked', () => {
  it('shows the locked server address read-only with "set by your IT department"', () => {
    useSettingsStore.setState({
      view: {
        ...emptySettings,
        account: {
          serverUrl: 'wss://it/ws',
          sipUser: '1001',
          domain: '',
          authUser: '',
          displayName: '',
          hasPassword: true,
        },
        lockedByPolicy: ['SipServerUrl'],
      },
    });
    render(<AccountForm />);
    const server = screen.getByLabelText('WebSocket server URL');
    expect(server).toHaveProperty('readOnly', true);
    expect(server.getAttribute('aria-describedby') ?? '').toMatch(/-it/);
    expect(screen.getAllByText('Set by your IT department')).toHaveLength(1);
    expect(screen.getByLabelText('SIP user')).toHaveProperty('readOnly', false);
  });
});

describe('other settings IT locked', () => {
  it('language, auto-answer, a hotkey and the ICE servers are greyed with the note; the rest stay editable', async () => {
    const { LanguagePicker } = await import('../../renderer/src/components/LanguagePicker');
    const { CallSettings } = await import('../../renderer/src/components/CallSettings');
    const { AudioSettings } = await import('../../renderer/src/components/AudioSettings');
    const { useAudioStore } = await import('../../renderer/src/stores/audio-store');
    const { defaultPhone } = await import('./setup');
    useSettingsStore.setState({
      view: { ...emptySettings, lockedByPolicy: ['Language', 'AutoAnswer', 'HotkeyMute', 'IceServers'] },
    });
    useAudioStore.setState({ preferences: defaultPhone });
    render(
      <>
        <LanguagePicker />
        <AudioSettings />
        <CallSettings />
      </>,
    );
    expect(screen.getByLabelText('Language')).toHaveProperty('disabled', true);
    expect(screen.getByRole('checkbox')).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('Mute')).toHaveProperty('readOnly', true);
    expect(screen.getByLabelText('Answer')).toHaveProperty('readOnly', false);
    expect(screen.getAllByText('Set by your IT department')).toHaveLength(4);
  });
});

describe('Export diagnostics', () => {
  it('says where the zip was saved', async () => {
    transport.respond('app:exportDiagnostics', () => ({
      ok: true,
      value: { file: '/home/dana/Downloads/d.zip' },
    }));
    render(<DiagnosticsExport />);
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    expect((await screen.findByText(/Saved to/)).textContent).toContain('/home/dana/Downloads/d.zip');
  });
});

describe('a certificate problem', () => {
  it('is named in both languages', async () => {
    useRegistrationStore.setState({
      registration: {
        state: 'unreachable',
        nextAttemptInSeconds: 8,
        reason: 'WebSocket closed (1006)',
        certificate: 'untrusted',
      },
    });
    render(<StatusArea />);
    expect(screen.getByRole('status').textContent).toContain('certificate is not trusted — ask IT');
    expect(screen.getByRole('status').textContent).not.toContain('1006');
    await act(() => applyLanguage('he'));
    expect(screen.getByRole('status').textContent).toContain('אינה מהימנה');
  });
});
