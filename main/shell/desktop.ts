/**
 * The desktop integration that is logic rather than wiring, each piece given Electron's objects
 * (named doubles in tests): links opening Steadyline, the window closing into the tray, start at
 * login from IT's policy.
 */
import type { Logger } from '../logging/logger';

import { DIAL_LINK_SCHEMES, dialLinkFromArgv, parseDialLink, type DialLink } from './dial-link';

export interface LinkApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
}

/**
 * Registers tel:, sip: and callto: and hands every link (first launch, a second launch's argv on
 * Windows/Linux, macOS's open-url) to `offer`, parsed; a link that does not parse is logged and dropped.
 */
export function handleDialLinks({
  app,
  argv,
  offer,
  logger,
  development,
}: {
  app: LinkApp;
  argv: readonly string[];
  offer: (link: DialLink) => void;
  logger: Logger;
  /** Not packaged: Windows must be told to start electron with our app folder. */
  development?: { execPath: string; appPath: string };
}): void {
  for (const scheme of DIAL_LINK_SCHEMES) {
    const registered = development
      ? app.setAsDefaultProtocolClient(scheme, development.execPath, [development.appPath])
      : app.setAsDefaultProtocolClient(scheme);
    if (!registered) logger.info({ scheme }, 'not the default handler for this link scheme');
  }
  const take = (link: DialLink | null, from: string) => {
    if (link) offer(link);
    else logger.warn({ from }, 'a link that is not a plain number or SIP address was refused');
  };
  const first = dialLinkFromArgv(argv);
  if (first || argv.slice(1).some((argument) => /^(tel|sip|sips|callto):/i.test(argument)))
    take(first, 'start');
  app.on('second-instance', (_event, secondArgv) => {
    if (secondArgv.slice(1).some((argument) => /^(tel|sip|sips|callto):/i.test(argument))) {
      take(dialLinkFromArgv(secondArgv), 'second-instance');
    }
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    take(parseDialLink(url), 'open-url');
  });
}

export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  hide(): void;
}

/** Closing the window hides it: the phone stays registered in the tray until the agent chooses Quit. */
export function keepRunningInTray(window: ClosableWindow, isQuitting: () => boolean): void {
  window.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
}

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

/** IT's StartAtLogin (when set) becomes the OS login item; Linux has no such API (docs/it-deployment.md: autostart file). */
export function applyStartAtLogin(
  app: LoginItemApp,
  platform: NodeJS.Platform,
  value: unknown,
  logger: Logger,
): void {
  if (typeof value !== 'boolean') return;
  if (platform === 'linux') {
    logger.info('start at login on Linux is an autostart .desktop file IT installs');
    return;
  }
  app.setLoginItemSettings({ openAtLogin: value, args: ['--hidden'] });
}
