/**
 * Global hotkeys (answer, hang up, mute, mark abusive), registered with the OS so they work while
 * another program has the focus. A hotkey another program holds is reported, not fatal. Electron's
 * globalShortcut comes in as a parameter.
 */
import type { GlobalShortcut } from 'electron';

import type { HotkeyAction, PhonePreferences } from '../../preload/contract';
import type { Logger } from '../logging/logger';

export interface HotkeyFailure {
  action: HotkeyAction;
  accelerator: string;
}

/**
 * Registers every non-empty hotkey; returns the ones the OS refused and a function that
 * unregisters the ones we hold.
 */
export function registerHotkeys(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  hotkeys: PhonePreferences['hotkeys'],
  onHotkey: (action: HotkeyAction) => void,
  logger: Logger,
): { failed: HotkeyFailure[]; unregister(): void } {
  const held: string[] = [];
  const failed: HotkeyFailure[] = [];
  for (const [action, accelerator] of Object.entries(hotkeys) as Array<[HotkeyAction, string]>) {
    if (!accelerator) continue;
    let registered = false;
    try {
      registered = globalShortcut.register(accelerator, () => onHotkey(action));
    } catch (error) {
      logger.warn({ action, accelerator, err: error }, 'hotkey refused by Electron');
    }
    if (registered) held.push(accelerator);
    else failed.push({ action, accelerator });
  }
  if (failed.length > 0) logger.warn({ failed }, 'hotkeys taken by another program');
  return {
    failed,
    unregister: () => held.forEach((accelerator) => globalShortcut.unregister(accelerator)),
  };
}
