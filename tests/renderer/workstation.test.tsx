import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { App } from '../../renderer/src/App';
import { useAudioStore } from '../../renderer/src/stores/audio-store';

import { defaultPhone, transport } from './setup';
import { active, ok, record, registered, sent, showCalls } from './support/calls';
import { named, plain } from './support/text';

describe('status bar', () => {
  it('shows offline, available, on a call, and do-not-disturb through its toggle', async () => {
    render(<App />);
    const status = await screen.findByTestId('availability-status');
    expect(plain(status.textContent)).toBe('Offline');
    act(() => transport.emit('phone:registration', { state: 'registered', aor: 'sip:1001@pbx' }));
    expect(plain(status.textContent)).toBe('Available');
    act(() => transport.emit('phone:call', active));
    expect(plain(status.textContent)).toBe('On a call');
    act(() => transport.emit('phone:call', { ...active, state: 'ended', endReason: 'local-hangup' }));
    transport.respond('phone:setAvailability', ok('dnd'));
    const toggle = screen.getByRole('button', { name: 'Do not disturb' });
    fireEvent.click(toggle);
    await waitFor(() => expect(plain(status.textContent)).toBe('Do not disturb'));
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(sent('phone:setAvailability')).toEqual([{ availability: 'dnd' }]);
    act(() => transport.emit('phone:availability', 'break'));
    expect(plain(status.textContent)).toBe('On a break');
  });

  it('asks main at start, so a window reloaded during a break still says so', async () => {
    transport.respond('phone:getAvailability', ok('break'));
    render(<App />);
    act(() => transport.emit('phone:registration', { state: 'registered', aor: 'sip:1001@pbx' }));
    const status = await screen.findByTestId('availability-status');
    await waitFor(() => expect(plain(status.textContent)).toBe('On a break'));
  });
});

describe('call history', () => {
  it('lists calls with their quality summary, flags one-way audio, searches and redials', async () => {
    transport.respond(
      'journal:listCalls',
      ok([
        record({
          quality: {
            packetLossPercent: 0.4,
            jitterMs: 3,
            roundTripMs: 12,
            mos: 4.4,
            packetsReceived: 900,
            packetsSent: 905,
          },
        }),
        record({
          id: 2,
          remoteDisplayName: null,
          remoteUri: 'sip:2002@pbx',
          quality: {
            packetLossPercent: 0,
            jitterMs: 0,
            roundTripMs: null,
            mos: 4.4,
            packetsReceived: 0,
            packetsSent: 400,
          },
        }),
      ]),
    );
    transport.respond('phone:dial', ok(active));
    await showCalls();
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    const list = await screen.findByRole('list', { name: 'Calls, newest first' });
    const [first, secondEntry] = within(list).getAllByTestId('history-entry');
    expect(plain(first?.textContent)).toContain('4.4 of 4.5');
    expect(plain(first?.textContent)).toContain(' · 2:00 · the other side hung up');
    expect(plain(secondEntry?.textContent)).toContain(
      'No audio arrived from the other side (one-way audio).',
    );
    expect(plain(secondEntry?.textContent)).toContain('not reported');
    fireEvent.change(screen.getByLabelText('Search by name or number'), { target: { value: 'Noa' } });
    await waitFor(() => expect(sent('journal:listCalls').at(-1)).toEqual({ limit: 50, search: 'Noa' }));
    fireEvent.click(within(list).getByRole('button', { name: named('Redial 2002') }));
    await waitFor(() => expect(sent('phone:dial')).toEqual([{ target: 'sip:2002@pbx' }]));
  });

  it('says so when the journal cannot be read', async () => {
    transport.respond('journal:listCalls', () => ({
      ok: false,
      error: { code: 'internal', message: 'disk I/O error' },
    }));
    await showCalls();
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    expect(plain((await screen.findByRole('alert')).textContent)).toBe(
      'The history could not be loaded: disk I/O error',
    );
  });
});

/** TEST DOUBLE of the window's audio engine for the settings screen: jsdom has no devices or audio. */
function fakeAudioControl() {
  const applied: unknown[] = [];
  let tones = 0;
  useAudioStore.setState({
    control: {
      applyPreferences: async (preferences) => void applied.push(preferences),
      devices: async () => ({
        microphones: [{ deviceId: 'mic-usb', label: 'USB microphone' }],
        speakers: [{ deviceId: 'headset', label: 'Headset' }],
      }),
      devicesInUse: () => ({ microphone: '', speaker: '', ringer: '' }),
      testTone: async () => void (tones += 1),
      openMeter: async () => ({ level: () => 0.5, stop: () => undefined }),
      onFallback: (listener) => {
        fallback = listener;
        return () => undefined;
      },
    },
  });
  let fallback: (role: 'microphone' | 'speaker' | 'ringer') => void = () => undefined;
  return {
    applied,
    tones: () => tones,
    fallBack: (role: 'microphone' | 'speaker' | 'ringer') => fallback(role),
  };
}

describe('audio settings', () => {
  it('chooses devices (applied at once), plays a test tone, shows the meter and turns on auto-answer', async () => {
    const audio = fakeAudioControl();
    transport.respond('settings:setPhone', (patch) => ({
      ok: true,
      value: { ...defaultPhone, ...(patch as object) },
    }));
    registered();
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const microphone = await screen.findByLabelText('Microphone');
    await screen.findByRole('option', { name: 'USB microphone' });
    fireEvent.change(microphone, { target: { value: 'mic-usb' } });
    await waitFor(() => expect(sent('settings:setPhone')).toEqual([{ microphoneId: 'mic-usb' }]));
    await waitFor(() => expect(audio.applied.at(-1)).toMatchObject({ microphoneId: 'mic-usb' }));
    fireEvent.click(screen.getByRole('button', { name: 'Play a test tone' }));
    expect(audio.tones()).toBe(1);
    await waitFor(() =>
      expect(screen.getByRole('meter', { name: 'Microphone level' }).getAttribute('aria-valuenow')).toBe(
        '50',
      ),
    );
    fireEvent.click(screen.getByLabelText('Answer calls automatically after a short beep'));
    await waitFor(() => expect(sent('settings:setPhone').at(-1)).toEqual({ autoAnswer: true }));
  });

  it('shows a choice at once, and puts it back with the reason when main refuses it', async () => {
    fakeAudioControl();
    transport.respond('settings:setPhone', () => ({
      ok: false,
      error: { code: 'internal', message: 'The settings file is read-only.' },
    }));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const box = (await screen.findByLabelText(
      'Answer calls automatically after a short beep',
    )) as HTMLInputElement;
    fireEvent.click(box);
    expect(plain((await screen.findByRole('alert')).textContent)).toBe('The settings file is read-only.');
    expect(box.checked).toBe(false);
  });

  it('refuses a hotkey it cannot use, with a clear message', async () => {
    fakeAudioControl();
    transport.respond('settings:setPhone', () => ({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'invalid',
        issues: [{ path: 'hotkeys.mute', message: 'accelerator' }],
      },
    }));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByLabelText('Mute'), { target: { value: 'Ctrl+Shift+Mute me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save call settings' }));
    expect(plain((await screen.findByRole('alert')).textContent)).toBe(
      'Use a key combination such as CommandOrControl+Shift+A, or leave it empty.',
    );
  });

  it('tells the agent when an unplugged headset left the default microphone in use', async () => {
    const audio = fakeAudioControl();
    await showCalls(active);
    act(() => audio.fallBack('microphone'));
    expect(plain((await screen.findByRole('alert')).textContent)).toContain(
      'Your chosen microphone is not connected: the system default microphone is in use.',
    );
  });
});
