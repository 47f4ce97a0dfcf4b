import { describe, expect, it } from 'vitest';

import { AudioRouting, type DeviceRole } from '../../../renderer/src/media/audio-routing';
import { normalisePastedNumber } from '../../../renderer/src/components/dial-input';

/**
 * TEST DOUBLE of navigator.mediaDevices: jsdom has no audio devices. It lists the devices the test
 * plugs in and opens a "microphone" only if that device is plugged in.
 */
class FakeMediaDevicesForTests {
  devices: Array<{ kind: MediaDeviceKind; deviceId: string; label: string }> = [];
  readonly opened: string[] = [];
  plug(kind: MediaDeviceKind, deviceId: string) {
    this.devices.push({ kind, deviceId, label: deviceId });
  }
  unplug(deviceId: string) {
    this.devices = this.devices.filter((device) => device.deviceId !== deviceId);
  }
  enumerateDevices() {
    return Promise.resolve([
      { kind: 'audioinput', deviceId: 'default', label: 'Default' },
      ...this.devices,
    ] as MediaDeviceInfo[]);
  }
  getUserMedia(constraints: MediaStreamConstraints) {
    const audio = constraints.audio as true | { deviceId: { exact: string } };
    const id = audio === true ? '' : audio.deviceId.exact;
    if (id && !this.devices.some((device) => device.deviceId === id))
      return Promise.reject(new DOMException('not found', 'OverconstrainedError'));
    this.opened.push(id);
    return Promise.resolve({ id } as unknown as MediaStream);
  }
}

function routed() {
  const devices = new FakeMediaDevicesForTests();
  const log: string[] = [];
  const fallbacks: DeviceRole[] = [];
  const routing = new AudioRouting({
    mediaDevices: devices,
    switchMicrophone: async () => void log.push('microphone switched'),
    setSpeaker: async (id) => void log.push(`speaker=${id}`),
    setRinger: async (id) => void log.push(`ringer=${id}`),
    onFallback: (role) => void fallbacks.push(role),
  });
  return { devices, log, fallbacks, routing };
}

describe('audio routing', () => {
  it('uses the chosen devices when they are there and switches live calls to them', async () => {
    const { devices, log, routing } = routed();
    devices.plug('audioinput', 'headset-mic');
    devices.plug('audiooutput', 'headset');
    devices.plug('audiooutput', 'loudspeaker');
    await routing.choose({ microphoneId: 'headset-mic', speakerId: 'headset', ringerId: 'loudspeaker' });
    expect(routing.current()).toEqual({
      microphone: 'headset-mic',
      speaker: 'headset',
      ringer: 'loudspeaker',
    });
    expect(log).toEqual(['microphone switched', 'speaker=headset', 'ringer=loudspeaker']);
    await routing.openMicrophone();
    expect(devices.opened).toEqual(['headset-mic']);
  });

  it('falls back to the default when the headset is unplugged, tells the agent, and returns when it is back', async () => {
    const { devices, log, fallbacks, routing } = routed();
    devices.plug('audioinput', 'headset-mic');
    devices.plug('audiooutput', 'headset');
    await routing.choose({ microphoneId: 'headset-mic', speakerId: 'headset', ringerId: '' });
    log.length = 0;
    devices.unplug('headset-mic');
    devices.unplug('headset');
    await routing.devicesChanged();
    expect(fallbacks).toEqual(['microphone', 'speaker']);
    expect(log).toEqual(['microphone switched', 'speaker=']);
    expect(routing.current()).toMatchObject({ microphone: '', speaker: '' });
    devices.plug('audioinput', 'headset-mic');
    await routing.devicesChanged();
    expect(routing.current().microphone).toBe('headset-mic');
    expect(fallbacks).toHaveLength(2);
  });

  it('says so at once when the chosen headset is not plugged in at start, once', async () => {
    const { devices, fallbacks, routing } = routed();
    devices.plug('audiooutput', 'loudspeaker');
    await routing.choose({ microphoneId: 'headset-mic', speakerId: 'headset', ringerId: 'loudspeaker' });
    await routing.devicesChanged();
    expect(fallbacks).toEqual(['microphone', 'speaker']);
    expect(routing.current()).toEqual({ microphone: '', speaker: '', ringer: 'loudspeaker' });
  });

  it('opens the default microphone when the chosen one cannot be opened, and says so', async () => {
    const { devices, fallbacks, routing } = routed();
    devices.plug('audioinput', 'usb-mic');
    await routing.choose({ microphoneId: 'usb-mic', speakerId: '', ringerId: '' });
    devices.unplug('usb-mic');
    await routing.openMicrophone();
    expect(devices.opened).toEqual(['']);
    expect(fallbacks).toEqual(['microphone']);
  });
});

describe('pasted numbers', () => {
  it.each([
    ['+972 (50) 123-4567', '+972501234567'],
    ['tel:050.123.4567', '0501234567'],
    ['\u200f050-123-4567\u200f', '0501234567'],
    ['  sip:noa@pbx.example.org ', 'sip:noa@pbx.example.org'],
    ['*72 100#', '*72100#'],
    ['call me', 'call me'],
  ])('%j becomes %j', (pasted, expected) => {
    expect(normalisePastedNumber(pasted)).toBe(expected);
  });
});
