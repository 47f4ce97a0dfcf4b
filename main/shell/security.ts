/**
 * The security baseline of every Steadyline window, in one place, each line with its reason
 * (Electron's security checklist: https://www.electronjs.org/docs/latest/tutorial/security).
 * Electron objects come in as parameters, so these rules are tested in plain Node with doubles.
 */
import type { PermissionCheckHandlerHandlerDetails, Session, WebContents, WebPreferences } from 'electron';

import type { Logger } from '../logging/logger';

/** Our renderer's only origin: files served by main/shell/protocol.ts. */
export const APP_ORIGIN = 'app://steadyline';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true, // the page cannot reach the preload's or Electron's objects
    sandbox: true, // the renderer runs as an OS-sandboxed Chromium process
    nodeIntegration: false, // no require() or process in the page
    nodeIntegrationInWorker: false,
    webSecurity: true, // same-origin policy stays on
    allowRunningInsecureContent: false,
    webviewTag: false, // no <webview>: nothing embeds other content
    // The phone must keep its timers (ringing, break countdown, keep-alives) running while the
    // window is minimised or hidden; Chromium would otherwise throttle them to once a minute.
    backgroundThrottling: false,
    spellcheck: false, // the spellchecker would download dictionaries and send typed text to it
    // A middle click on a link would open a new window past our will-navigate guard (Electron
    // checklist, "Disable the auxclick feature"; found by the security scan, npm run scan:electron).
    disableBlinkFeatures: 'Auxclick',
  };
}

/** Strict CSP for every response of the app:// protocol: our own files only, nothing inline. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True for app://steadyline URLs. (WHATWG URL gives custom schemes an opaque origin, so compare parts.) */
export function isOwnOrigin(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'steadyline';
  } catch {
    return false;
  }
}

/** Denies navigation away from our origin and every new window, and logs each attempt. */
export function guardNavigation(webContents: WebContents, logger: Logger): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (isOwnOrigin(url)) return;
    event.preventDefault();
    logger.warn({ url: url.slice(0, 200) }, 'navigation blocked');
  };
  webContents.on('will-navigate', refuse);
  webContents.on('will-redirect', refuse);
  webContents.setWindowOpenHandler(({ url }) => {
    logger.warn({ url: url.slice(0, 200) }, 'window.open blocked');
    return { action: 'deny' };
  });
}

const isAudioOnly = (mediaTypes: readonly string[] | undefined) =>
  !!mediaTypes && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio');

/**
 * Audio output choice (HTMLMediaElement.setSinkId: the agent's headset and ringer) is the
 * 'speaker-selection' permission; like the microphone, only for our own page.
 */
const isAudioOutput = (permission: string) => permission === 'speaker-selection';

/** Grants only audio (microphone, output device choice) to our own origin; everything else is denied and logged. */
export function installPermissionHandlers({ session, logger }: { session: Session; logger: Logger }): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const granted =
      isOwnOrigin(details.requestingUrl) &&
      ((permission === 'media' && isAudioOnly(mediaTypes)) || isAudioOutput(permission));
    if (!granted)
      logger.warn({ permission, origin: safeOrigin(details.requestingUrl) }, 'permission request denied');
    callback(granted);
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    permissionCheck(permission, requestingOrigin, details),
  );
  session.setDevicePermissionHandler(() => false);
}

function permissionCheck(
  permission: string,
  origin: string,
  details: PermissionCheckHandlerHandlerDetails,
): boolean {
  // Chromium checks 'media' before enumerating devices; a check carries at most one media type.
  if (!isOwnOrigin(origin)) return false;
  return (permission === 'media' && (details.mediaType ?? 'audio') === 'audio') || isAudioOutput(permission);
}

function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'invalid';
  }
}
