/**
 * The shell's part of the agent workstation: the tray follows the agent's status, an incoming call
 * raises an OS notification when the window is not in front, and the global hotkeys reach the
 * window (which answers, hangs up or mutes, even minimised: backgroundThrottling is off).
 * Electron's objects come in as parameters, so this is tested in Node with named doubles.
 */
import type { GlobalShortcut } from 'electron';

import type { HotkeyAction } from '../../preload/contract';
import type { Core } from '../core/create-core';
import type { Logger } from '../logging/logger';

import {
  initialAgentStatus,
  nextAgentStatus,
  ringingCalls,
  trayStatus,
  type AgentStatus,
} from './agent-status';
import { registerHotkeys } from './hotkeys';
import { notifyIncomingCall, type CreateNotification, type ShellWindow } from './notifications';
import { shellText } from './shell-text';
import { showTrayStatus, type TrayDeps } from './tray';

export interface WorkstationShellDeps {
  core: Pick<Core, 'events' | 'router' | 'shellSettings' | 'addNotice'>;
  getWindow(): ShellWindow | null;
  tray: Omit<TrayDeps, 'actions'>;
  createNotification: CreateNotification;
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  quit(): void;
  /** The tray's "Export diagnostics" (absent: no such item). */
  exportDiagnostics?(): void;
  logger: Logger;
}

/** Starts following the core; returns the function that stops it (tray stays, hotkeys released). */
export function startWorkstationShell(deps: WorkstationShellDeps): () => void {
  const { core } = deps;
  const text = () => shellText(core.shellSettings.view().language);
  const notifications = new Map<string, () => void>();
  let status: AgentStatus = initialAgentStatus;
  const tray: TrayDeps = {
    ...deps.tray,
    actions: {
      show: () => {
        const window = deps.getWindow();
        if (window) window.show();
      },
      setDoNotDisturb: (on) =>
        void core.router.handle('phone:setAvailability', { availability: on ? 'dnd' : 'available' }),
      exportDiagnostics: deps.exportDiagnostics,
      closeDay: () => {
        deps.getWindow()?.show();
        core.events.publish('shell:closeDay', {});
      },
      quit: deps.quit,
    },
  };
  const refreshTray = () => showTrayStatus(tray, trayStatus(status), text());
  const followRinging = () => {
    const ringing = ringingCalls(status);
    for (const [id, close] of notifications) {
      if (ringing.some((call) => call.id === id)) continue;
      close();
      notifications.delete(id);
    }
    for (const call of ringing.filter((candidate) => !notifications.has(candidate.id))) {
      const close = notifyIncomingCall(deps.createNotification, deps.getWindow(), call, text());
      notifications.set(call.id, close ?? (() => undefined));
    }
  };
  const stopEvents = core.events.subscribe((event, payload) => {
    const next = nextAgentStatus(status, event, payload);
    if (next === status) return;
    const before = trayStatus(status);
    status = next;
    if (trayStatus(status) !== before) refreshTray();
    if (event === 'phone:call') followRinging();
  });
  void core.router.handle('phone:getRegistration', undefined).then((result) => {
    if (result.ok) status = nextAgentStatus(status, 'phone:registration', result.value);
    refreshTray();
  });
  refreshTray();
  let hotkeys = holdHotkeys(deps);
  const stopPreferences = core.shellSettings.onPhoneChange(() => {
    hotkeys.unregister();
    hotkeys = holdHotkeys(deps);
  });
  return () => {
    stopEvents();
    stopPreferences();
    hotkeys.unregister();
    for (const close of notifications.values()) close();
    notifications.clear();
  };
}

function holdHotkeys({ core, globalShortcut, logger }: WorkstationShellDeps) {
  const onHotkey = (action: HotkeyAction) => core.events.publish('shell:hotkey', { action });
  const held = registerHotkeys(globalShortcut, core.shellSettings.phone().hotkeys, onHotkey, logger);
  const t = shellText(core.shellSettings.view().language);
  for (const { action, accelerator } of held.failed) {
    core.addNotice({
      id: `hotkey-${action}`,
      kind: 'hotkey-unavailable',
      severity: 'warning',
      details: { accelerator, action: t(`callSettings.hotkey.${action}`) },
    });
  }
  return held;
}
