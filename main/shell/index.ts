/**
 * The Electron entry point and the only place that wires Electron to the services: it owns the
 * app's lifecycle (single instance, ready, quit) and nothing else.
 */
import { mkdirSync } from 'node:fs';
import { release, userInfo } from 'node:os';
import { join } from 'node:path';

import type { BrowserWindow } from 'electron';
import { app, ipcMain, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';

import { createCore, type Core } from '../core/create-core';
import { installProcessGuard } from '../core/process-guard';
import { createLogger } from '../logging/logger';
import { BUNDLE_ID } from '../policy/keys';
import { loadNativeRegistryReader } from '../policy/registry-native';
import { openStoreSafely, SETTINGS_NAME } from '../settings/key-value-store';

import type { DialLink } from './dial-link';
import { applyStartAtLogin, handleDialLinks, keepRunningInTray } from './desktop';
import { startItServices } from './it-services';
import { keychainBackend, keychainCipher } from './keychain';

import { bindIpc } from './ipc';
import { nativeBindingFor } from './native-binding';
import { chooseDataDir } from './paths';
import { APP_SCHEME, registerAppProtocol } from './protocol';
import { installPermissionHandlers } from './security';
import { createMainWindow } from './window';
import { appAssetsDir, startElectronWorkstation } from './workstation-electron';

// Must happen before `ready`: gives app:// a real, secure origin (fetch, CSP, permissions).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const outDir = join(import.meta.dirname, '..');
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let workstation: ReturnType<typeof startElectronWorkstation> | null = null;
/** Set by Quit (tray, menu, OS): from then on closing the window really closes it. */
let quitting = false;
/** A link that arrived before the window could ask the agent about it. */
let pendingLink: DialLink | null = null;
let windowLoaded = false;

/** Shows the window and asks the agent (the window's confirmation) before anything is dialled. */
function deliverLink() {
  if (!pendingLink || !core || !mainWindow || !windowLoaded) return;
  core.events.publish('shell:dialLink', pendingLink);
  pendingLink = null;
  mainWindow.show();
  mainWindow.focus();
}

async function exportDiagnostics() {
  const result = await core?.router.handle('app:exportDiagnostics', undefined);
  const value = result && 'value' in result ? (result.value as { file?: string } | undefined) : undefined;
  if (value?.file) shell.showItemInFolder(value.file);
}

function focusExistingWindow() {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start() {
  // Windows: notifications and the taskbar group under our id (it must match the installer's appId).
  if (process.platform === 'win32') app.setAppUserModelId(BUNDLE_ID);
  const logsDir = app.getPath('logs');
  mkdirSync(logsDir, { recursive: true });
  // Logs (rotating, level from policy), IT's policy for this platform, trusted CAs, the SIP trace.
  const it = await startItServices({
    logsDir,
    platform: process.platform,
    username: userInfo().username,
    env: process.env,
    // The test variable can unlock nothing in a packaged app.
    allowEnvOverride: !app.isPackaged,
    loadRegistry: loadNativeRegistryReader,
  });
  const { logger } = it;
  const cipher = keychainCipher(safeStorage, process.platform);
  const keychain = keychainBackend(safeStorage, process.platform);
  if (!cipher.isEncryptionAvailable()) {
    logger.warn(
      { keychain },
      'no OS keychain (install gnome-keyring or KWallet): the SIP password is kept for this run only',
    );
  }
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
    cipher,
    logger,
    nativeBinding: nativeBindingFor(app.isPackaged, app.getAppPath()),
    version: app.getVersion(),
    media: 'renderer',
    assetsDir: appAssetsDir(),
    policy: it.policy,
    trust: it.trust,
    sipTrace: it.sipTrace,
    quit: () => app.quit(),
    // Only IT's https TeamDashboardUrl reaches here (checked by the policy schema and again below).
    openExternal: (url) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
    },
    diagnostics: {
      logFiles: () => it.mainLog.files(),
      policy: () => it.policy.current(),
      facts: () => ({
        versions: { app: app.getVersion(), ...process.versions },
        os: `${process.platform} ${release()}`,
        packaged: app.isPackaged,
        keychain,
        trustedCertificates: it.trust.summary(),
      }),
      outputDir: app.getPath('downloads'),
    },
  });
  const loginItem = () =>
    applyStartAtLogin(app, process.platform, it.policy.current().entries.StartAtLogin?.value, logger);
  loginItem();
  it.policy.onChange(loginItem);
  registerAppProtocol(protocol, join(outDir, 'renderer'));
  installPermissionHandlers({
    session: session.defaultSession,
    logger: logger.child({ module: 'permissions' }),
  });
  const router = core.router;
  // The window's first `app:info` comes after its components subscribed: a link that started us
  // can be offered then without being lost.
  const windowAware = {
    handle: (channel: unknown, payload: unknown) => {
      if (channel === 'app:info' && !windowLoaded) {
        windowLoaded = true;
        queueMicrotask(deliverLink);
      }
      return router.handle(channel, payload);
    },
  };
  bindIpc({ ipcMain, router: windowAware, events: core.events, getWindow: () => mainWindow, logger });
  // The OS says when it wakes up; the phone also notices by itself (late timers), this is sooner.
  powerMonitor.on('resume', () => core?.checkConnection());
  // The registry and managed preferences have no change notification here: read them again when
  // the machine wakes or the agent unlocks it (the Linux file is watched).
  powerMonitor.on('resume', () => void it.policy.refresh());
  powerMonitor.on('unlock-screen', () => void it.policy.refresh());
  it.policy.onChange((current) => {
    const keys = [...new Set(current.problems.map((problem) => problem.key))].join(', ');
    if (keys)
      core?.addNotice({
        id: 'policy-invalid',
        kind: 'policy-invalid',
        severity: 'warning',
        details: { keys },
      });
  });
  // Started at login (`--hidden`): the phone registers, the window waits in the tray.
  mainWindow = createMainWindow(outDir, logger.child({ module: 'window' }), {
    show: !process.argv.includes('--hidden'),
  });
  keepRunningInTray(mainWindow, () => quitting);
  // A reload: the next `app:info` is the window listening again.
  mainWindow.webContents.on('did-start-loading', () => (windowLoaded = false));
  mainWindow.on('closed', () => (mainWindow = null));
  // Tray, incoming-call notifications and global hotkeys (answer, hang up, mute, mark abusive).
  workstation = startElectronWorkstation(
    core,
    () => mainWindow,
    logger.child({ module: 'workstation' }),
    () => void exportDiagnostics(),
  );
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusExistingWindow);
  // tel:, sip:, callto: (before ready: macOS sends open-url for the link that launched us).
  handleDialLinks({
    app,
    argv: process.argv,
    offer: (link) => {
      pendingLink = link;
      deliverLink();
    },
    logger: createLogger({ level: 'warn' }),
    development: app.isPackaged ? undefined : { execPath: process.execPath, appPath: app.getAppPath() },
  });
  app.whenReady().then(start, (error: unknown) => {
    process.stderr.write(`Steadyline could not start: ${String(error)}\n`);
    app.exit(1);
  });
  // The window hides into the tray instead of closing; only Quit ends the app.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    quitting = true;
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
