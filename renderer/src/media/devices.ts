/**
 * The agent's audio devices: what the browser offers, and which one to use when the chosen one
 * is gone (unplugged headset): the system default, and the agent is told.
 */
export interface AudioDevice {
  deviceId: string;
  label: string;
}

export interface AudioDeviceList {
  microphones: AudioDevice[];
  speakers: AudioDevice[];
}

/** Microphones and outputs, without the browser's 'default'/'communications' aliases ('' means default). */
export async function listAudioDevices(
  mediaDevices: Pick<MediaDevices, 'enumerateDevices'>,
): Promise<AudioDeviceList> {
  const all = await mediaDevices.enumerateDevices();
  const of = (kind: MediaDeviceKind) =>
    all
      .filter(
        (device) => device.kind === kind && !['default', 'communications', ''].includes(device.deviceId),
      )
      .map((device) => ({ deviceId: device.deviceId, label: device.label }));
  return { microphones: of('audioinput'), speakers: of('audiooutput') };
}

/** The chosen device if the browser still has it, else '' (the system default). */
export function usableDevice(chosen: string, available: readonly AudioDevice[]): string {
  return chosen === '' || available.some((device) => device.deviceId === chosen) ? chosen : '';
}

/** Microphone constraints for a device ('' = the default one). */
export function microphoneConstraints(deviceId: string): MediaStreamConstraints {
  return { audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false };
}
