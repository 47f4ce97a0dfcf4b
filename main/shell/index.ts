/**
 * The Electron entry point and the only place that wires Electron to the services: it owns the
 * app's lifecycle (single instance, ready, quit) and nothing else.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { BrowserWindow } from 'electron';
import { app, ipcMain, powerMonitor, protocol, safeStorage, session } from 'electron';
import ElectronStore from 'electron-store';
import { pino } from 'pino';

import { createCore, type Core } from '../core/create-core';
import { installProcessGuard } from '../core/process-guard';
import { createLogger } from '../logging/logger';
import { openStoreSafely, SETTINGS_NAME } from '../settings/key-value-store';

import { bindIpc } from './ipc';
import { nativeBindingFor } from './native-binding';
import { chooseDataDir } from './paths';
import { APP_SCHEME, registerAppProtocol } from './protocol';
import { installPermissionHandlers } from './security';
import { createMainWindow } from './window';
import { startElectronWorkstation } from './workstation-electron';

// Must happen before `ready`: gives app:// a real, secure origin (fetch, CSP, permissions).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const outDir = join(import.meta.dirname, '..');
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let workstation: ReturnType<typeof startElectronWorkstation> | null = null;

function focusExistingWindow() {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start() {
  const logsDir = app.getPath('logs');
  mkdirSync(logsDir, { recursive: true });
  const logger = createLogger({
    destination: pino.destination({ dest: join(logsDir, 'main.log'), mkdir: true }),
  });
  // Last line of defence: an error nothing handled is logged and the app keeps running.
  installProcessGuard({
    logger: logger.child({ module: 'process-guard' }),
    notify: (notice) => core?.addNotice(notice),
  });
  const dataDir = chooseDataDir(process.argv, process.env, app.getPath('userData'));
  core = createCore({
    dataDir,
    settingsStore: openStoreSafely(
      () => new ElectronStore({ name: SETTINGS_NAME, cwd: dataDir }),
      join(dataDir, `${SETTINGS_NAME}.json`),
    ),
    cipher: safeStorage,
    logger,
    nativeBinding: nativeBindingFor(app.isPackaged, app.getAppPath()),
    version: app.getVersion(),
    media: 'renderer',
  });
  registerAppProtocol(protocol, join(outDir, 'renderer'));
  installPermissionHandlers({
    session: session.defaultSession,
    logger: logger.child({ module: 'permissions' }),
  });
  bindIpc({ ipcMain, router: core.router, events: core.events, getWindow: () => mainWindow, logger });
  // The OS says when it wakes up; the phone also notices by itself (late timers), this is sooner.
  powerMonitor.on('resume', () => core?.checkConnection());
  mainWindow = createMainWindow(outDir, logger.child({ module: 'window' }));
  mainWindow.on('closed', () => (mainWindow = null));
  // Tray, incoming-call notifications and global hotkeys (answer, hang up, mute, mark abusive).
  workstation = startElectronWorkstation(core, () => mainWindow, logger.child({ module: 'workstation' }));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusExistingWindow);
  app.whenReady().then(start, (error: unknown) => {
    process.stderr.write(`Steadyline could not start: ${String(error)}\n`);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!core) return;
    // Unregister from the PBX and close the journal before the process goes away.
    event.preventDefault();
    workstation?.stop();
    workstation = null;
    const closing = core;
    core = null;
    void closing.close().finally(() => app.quit());
  });
}
