import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { RegistrationState, SettingsView } from '../../preload/contract';
import { App } from '../../renderer/src/App';
import en from '../../renderer/src/i18n/en.json';
import he from '../../renderer/src/i18n/he.json';

import { emptySettings, transport } from './setup';

const openSettings = async () => {
  render(<App />);
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  return screen.findByLabelText('WebSocket server URL');
};

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

describe('status area', () => {
  const cases: Array<[RegistrationState, string]> = [
    [{ state: 'not-configured' }, 'Not configured'],
    [{ state: 'connecting' }, 'Connecting…'],
    [{ state: 'registered', aor: 'sip:1001@pbx' }, 'Registered as sip:1001@pbx'],
    [
      { state: 'retrying', nextAttemptInSeconds: 4, reason: 'socket closed' },
      'Retrying in 4 s (socket closed)',
    ],
    [{ state: 'auth-failed', reason: '401 Unauthorized' }, 'Authentication failed: 401 Unauthorized'],
    [{ state: 'unreachable', nextAttemptInSeconds: 8, reason: 'refused' }, 'Server unreachable: refused'],
  ];
  it.each(cases)('shows %o', async (registration, text) => {
    render(<App />);
    act(() => transport.emit('phone:registration', registration));
    expect((await screen.findByRole('status', { name: 'Phone status' })).textContent).toContain(text);
  });
});

describe('settings form', () => {
  it('labels every input, so each is reachable by its name', async () => {
    await openSettings();
    for (const label of [
      'SIP user',
      'Domain (optional)',
      'Authentication user (optional)',
      'Password',
      'Display name',
      'Language',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });

  it('shows a message for each bad field, keeps what was typed, and sends nothing', async () => {
    const url = await openSettings();
    fireEvent.change(url, { target: { value: 'http://pbx' } });
    fireEvent.change(screen.getByLabelText('SIP user'), { target: { value: 'has space' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    expect(await screen.findByText('Enter the server address, starting with ws:// or wss://')).toBeTruthy();
    expect(screen.getByText(/without spaces or @/)).toBeTruthy();
    expect((url as HTMLInputElement).value).toBe('http://pbx');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    // Never silent: focus is on the first field to fix.
    await waitFor(() => expect(document.activeElement).toBe(url));
    expect(transport.calls.some(([channel]) => channel === 'settings:saveAccount')).toBe(false);
  });

  it('maps an invalid-request answer from main onto its field', async () => {
    transport.respond('settings:saveAccount', () => ({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'The request was not valid.',
        issues: [{ path: 'displayName', message: 'display-name' }],
      },
    }));
    const url = await openSettings();
    fireEvent.change(url, { target: { value: 'wss://pbx.example.org/ws' } });
    fireEvent.change(screen.getByLabelText('SIP user'), { target: { value: '1001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    expect(await screen.findByText('The display name cannot contain quotes, < or >.')).toBeTruthy();
    expect((screen.getByLabelText('SIP user') as HTMLInputElement).value).toBe('1001');
  });

  it('saves a good account without an empty password and confirms it', async () => {
    const saved: SettingsView = {
      ...emptySettings,
      account: {
        serverUrl: 'wss://pbx/ws',
        sipUser: '1001',
        domain: '',
        authUser: '',
        displayName: '',
        hasPassword: false,
      },
    };
    transport.respond('settings:saveAccount', () => ({ ok: true, value: saved }));
    const url = await openSettings();
    fireEvent.change(url, { target: { value: 'wss://pbx/ws' } });
    fireEvent.change(screen.getByLabelText('SIP user'), { target: { value: '1001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    expect(await screen.findByText('Account saved.')).toBeTruthy();
    const [, payload] = transport.calls.find(([channel]) => channel === 'settings:saveAccount') ?? [];
    expect(payload).toMatchObject({ serverUrl: 'wss://pbx/ws', sipUser: '1001', password: undefined });
    // The server then refuses the password: the form no longer says only "saved".
    act(() => transport.emit('phone:registration', { state: 'auth-failed', reason: '401 Unauthorized' }));
    expect(
      await screen.findByText('Account saved, but the server refused this user or password.'),
    ).toBeTruthy();
    expect(screen.queryByText('Account saved.')).toBeNull();
  });
});

describe('language', () => {
  it('has the same keys in English and Hebrew', () => {
    expect(keys(he).sort()).toEqual(keys(en).sort());
  });

  it('switches to Hebrew, right to left, and translates the screen', async () => {
    transport.respond('settings:setLanguage', (payload) => ({
      ok: true,
      value: { ...emptySettings, ...(payload as object) },
    }));
    await openSettings();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'he' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('he');
    expect(await screen.findByLabelText('כתובת שרת WebSocket')).toBeTruthy();
  });
});

describe('notices', () => {
  it('tells the agent where a damaged journal was moved, until dismissed', async () => {
    const notice = {
      id: 'journal-recovered',
      kind: 'journal-recovered',
      severity: 'warning',
      details: { movedTo: '/data/journal.sqlite3.corrupt-1' },
    };
    transport.respond('app:info', () => ({
      ok: true,
      value: { version: '0', dataDir: '/data', notices: [notice] },
    }));
    transport.respond('app:dismissNotice', () => ({ ok: true, value: [] }));
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('/data/journal.sqlite3.corrupt-1');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
