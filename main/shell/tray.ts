/**
 * The tray icon: the agent's status at a glance (icon and tooltip) and quick actions: show the
 * window, available, do-not-disturb, quit. Electron's Tray and Menu come in as parameters.
 */
import { join } from 'node:path';

import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { TFunction } from 'i18next';

import type { TrayStatus } from './agent-status';

export interface TrayActions {
  show(): void;
  setDoNotDisturb(on: boolean): void;
  /** Writes the diagnostics zip for IT and shows it in the file manager. */
  exportDiagnostics?(): void;
  /** Shows the window's "Close the day" screen (absent: no such item). */
  closeDay?(): void;
  quit(): void;
}

/** The tray menu for a status (pure: tested without Electron). */
export function trayMenuTemplate(
  status: TrayStatus,
  t: TFunction,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  return [
    { label: t('shell.trayTooltip', { status: t(`availability.${status}`) }), enabled: false },
    { type: 'separator' },
    { label: t('shell.trayShow'), click: () => actions.show() },
    {
      label: t('shell.trayAvailable'),
      type: 'radio',
      checked: status === 'available' || status === 'on-call',
      enabled: status !== 'offline' && status !== 'break',
      click: () => actions.setDoNotDisturb(false),
    },
    {
      label: t('shell.trayDnd'),
      type: 'radio',
      checked: status === 'dnd',
      enabled: status !== 'offline' && status !== 'break',
      click: () => actions.setDoNotDisturb(true),
    },
    { type: 'separator' },
    ...(actions.closeDay ? [{ label: t('shell.trayCloseDay'), click: () => actions.closeDay?.() }] : []),
    ...(actions.exportDiagnostics
      ? [{ label: t('shell.trayDiagnostics'), click: () => actions.exportDiagnostics?.() }]
      : []),
    { label: t('shell.trayQuit'), click: () => actions.quit() },
  ];
}

/** The icon file for a status (assets/tray-<status>.png, made by scripts/generate-tray-icons.mjs). */
export const trayIconFile = (assetsDir: string, status: TrayStatus) => join(assetsDir, `tray-${status}.png`);

export interface TrayDeps {
  tray: Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu'>;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  loadImage: (file: string) => NativeImage;
  assetsDir: string;
  actions: TrayActions;
}

/** Shows a status on the tray: icon, tooltip and menu. */
export function showTrayStatus(deps: TrayDeps, status: TrayStatus, t: TFunction): void {
  deps.tray.setImage(deps.loadImage(trayIconFile(deps.assetsDir, status)));
  deps.tray.setToolTip(t('shell.trayTooltip', { status: t(`availability.${status}`) }));
  deps.tray.setContextMenu(deps.buildMenu(trayMenuTemplate(status, t, deps.actions)));
}
