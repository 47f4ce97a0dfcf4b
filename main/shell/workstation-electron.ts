/**
 * Builds the workstation shell from Electron's real objects: the tray, notifications and global
 * hotkeys (their logic is in workstation.ts, tested with doubles). Not exercised by tests: Electron
 * cannot run on the build machine.
 */
import { join } from 'node:path';

import { app, globalShortcut, Menu, nativeImage, Notification, Tray, type BrowserWindow } from 'electron';

import type { Core } from '../core/create-core';
import type { Logger } from '../logging/logger';

import { trayIconFile } from './tray';
import { startWorkstationShell } from './workstation';

/** assets/ beside the app in development, in the resources folder when packaged (electron-builder.yml). */
export const appAssetsDir = () =>
  app.isPackaged ? join(process.resourcesPath, 'assets') : join(app.getAppPath(), 'assets');

export function startElectronWorkstation(
  core: Core,
  getWindow: () => BrowserWindow | null,
  logger: Logger,
  exportDiagnostics?: () => void,
) {
  const dir = appAssetsDir();
  const tray = new Tray(nativeImage.createFromPath(trayIconFile(dir, 'offline')));
  const stop = startWorkstationShell({
    core,
    getWindow,
    tray: {
      tray,
      buildMenu: (template) => Menu.buildFromTemplate(template),
      loadImage: (file) => nativeImage.createFromPath(file),
      assetsDir: dir,
    },
    createNotification: (options) => new Notification(options),
    globalShortcut,
    quit: () => app.quit(),
    exportDiagnostics,
    logger,
  });
  tray.on('click', () => getWindow()?.show());
  // The tray object must live as long as the app: Electron removes a collected tray icon.
  return {
    tray,
    stop: () => {
      stop();
      tray.destroy();
    },
  };
}
