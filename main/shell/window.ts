/** The main window: the security baseline applied, shown once its first frame is ready. */
import { join } from 'node:path';

import { BrowserWindow } from 'electron';

import type { Logger } from '../logging/logger';

import { guardNavigation, secureWebPreferences } from './security';

/** `show: false`: started at login, the window waits in the tray until the agent opens it. */
export function createMainWindow(outDir: string, logger: Logger, { show = true } = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 720,
    minWidth: 420,
    minHeight: 520,
    title: 'Steadyline',
    show: false,
    webPreferences: {
      ...secureWebPreferences(join(outDir, 'preload', 'index.cjs')),
      // Repeated as literals where the window is made: the security scan (npm run scan:electron,
      // docs/electronegativity.md) reads them here; it cannot follow the call.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardNavigation(window.webContents, logger);
  if (show) window.once('ready-to-show', () => window.show());
  void window.loadURL('app://steadyline/index.html');
  return window;
}
