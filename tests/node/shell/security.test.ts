import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';

import { createLogger } from '../../../main/logging/logger';
import {
  CONTENT_SECURITY_POLICY,
  guardNavigation,
  installPermissionHandlers,
  secureWebPreferences,
} from '../../../main/shell/security';
import { collectingDestination } from '../../support/collecting-destination';
import { FakeSessionForTests, FakeWebContentsForTests } from '../../support/electron-doubles';

const loggerWithLog = () => {
  const log = collectingDestination();
  return { log, logger: createLogger({ destination: log }) };
};

describe('window security baseline', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      backgroundThrottling: false,
    });
  });

  it('has a strict CSP: own files only, nothing inline or evaluated', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

describe('navigation guard', () => {
  it('blocks navigation to other origins and logs it, but allows our own pages', () => {
    const { log, logger } = loggerWithLog();
    const contents = new FakeWebContentsForTests();
    guardNavigation(contents as unknown as WebContents, logger);
    expect(contents.emitNavigation('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitNavigation('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitNavigation('will-navigate', 'app://steadyline/index.html')).toBe(false);
    expect(log.text()).toContain('navigation blocked');
  });

  it('denies every window.open and logs it', () => {
    const { log, logger } = loggerWithLog();
    const contents = new FakeWebContentsForTests();
    guardNavigation(contents as unknown as WebContents, logger);
    expect(contents.windowOpenHandler?.({ url: 'app://steadyline/x' })).toEqual({ action: 'deny' });
    expect(log.text()).toContain('window.open blocked');
  });
});

describe('permission handlers', () => {
  const install = () => {
    const { log, logger } = loggerWithLog();
    const session = new FakeSessionForTests();
    installPermissionHandlers({ session: session as unknown as Session, logger });
    return { session, log };
  };

  it('grants the microphone to our own origin', () => {
    const { session } = install();
    expect(session.request('media', 'app://steadyline/index.html', { mediaTypes: ['audio'] })).toBe(true);
    expect(session.checkHandler?.(null, 'media', 'app://steadyline', { mediaType: 'audio' })).toBe(true);
  });

  it('lets our own page choose the audio output (headset, ringer), and no one else', () => {
    const { session } = install();
    expect(session.request('speaker-selection', 'app://steadyline/index.html')).toBe(true);
    expect(session.checkHandler?.(null, 'speaker-selection', 'app://steadyline', {})).toBe(true);
    expect(session.request('speaker-selection', 'https://evil.example/')).toBe(false);
    expect(session.checkHandler?.(null, 'speaker-selection', 'https://evil.example', {})).toBe(false);
  });

  it('denies the camera, other permissions and other origins, and logs each', () => {
    const { session, log } = install();
    expect(session.request('media', 'app://steadyline/index.html', { mediaTypes: ['audio', 'video'] })).toBe(
      false,
    );
    expect(session.request('media', 'https://evil.example/', { mediaTypes: ['audio'] })).toBe(false);
    expect(session.request('notifications', 'app://steadyline/index.html')).toBe(false);
    expect(session.request('geolocation', 'app://steadyline/index.html')).toBe(false);
    expect(session.checkHandler?.(null, 'media', 'app://steadyline', { mediaType: 'video' })).toBe(false);
    expect(session.checkHandler?.(null, 'clipboard-read', 'app://steadyline', {})).toBe(false);
    expect(session.deviceHandler?.({})).toBe(false);
    expect(log.lines().filter((line) => line.includes('permission request denied'))).toHaveLength(4);
  });
});
