/**
 * Named doubles of the Electron objects the desktop integration receives: `app` (protocol client,
 * second-instance and open-url events, login item), a BrowserWindow's close, safeStorage with its
 * Linux backend. Electron's runtime cannot run on this machine; these record what the shell asked.
 */
import { EventEmitter } from 'node:events';

export class FakeDesktopAppForTests extends EventEmitter {
  protocols: string[] = [];
  protocolArgs: unknown[][] = [];
  loginItems: { openAtLogin: boolean; args?: string[] }[] = [];

  setAsDefaultProtocolClient(protocol: string, ...rest: unknown[]) {
    this.protocols.push(protocol);
    this.protocolArgs.push([protocol, ...rest]);
    return true;
  }

  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }) {
    this.loginItems.push(settings);
  }

  /** macOS opens a link: returns the event so a test can see it was taken. */
  openUrl(url: string) {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('open-url', event, url);
    return event;
  }
}

export class FakeWindowForTests extends EventEmitter {
  hidden = false;
  hide() {
    this.hidden = true;
  }
  /** The agent clicks the window's close button: 'hidden' if a listener prevented it, else 'closed'. */
  close(): 'hidden' | 'closed' {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return prevented ? 'hidden' : 'closed';
  }
}

export class FakeSafeStorageForTests {
  encrypted = 0;
  constructor(private readonly backend: string | undefined) {}
  isEncryptionAvailable() {
    return true;
  }
  getSelectedStorageBackend() {
    return this.backend ?? 'unknown';
  }
  encryptString(text: string) {
    this.encrypted += 1;
    return Buffer.from(text.split('').reverse().join(''));
  }
  decryptString(data: Buffer) {
    return data.toString().split('').reverse().join('');
  }
}
