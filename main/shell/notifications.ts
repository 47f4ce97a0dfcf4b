/**
 * An OS notification for an incoming call when the agent is not looking at Steadyline (the window
 * is in the background or minimised); clicking it brings the window forward. It closes when the
 * call stops ringing. Electron's Notification and window come in as parameters.
 */
import type { BrowserWindow, NotificationConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';

import type { CallState } from '../../preload/contract';

export type ShellWindow = Pick<
  BrowserWindow,
  'isFocused' | 'isMinimized' | 'isVisible' | 'restore' | 'show' | 'focus'
>;
/** What the shell uses of an Electron Notification. */
export interface ShownNotification {
  show(): void;
  close(): void;
  on(event: 'click', listener: () => void): unknown;
}
export type CreateNotification = (options: NotificationConstructorOptions) => ShownNotification;

/** Brings the window to the front, restoring it if minimised. */
export function bringForward(window: ShellWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

const callerOf = (call: CallState) =>
  call.remote.displayName ?? /^sips?:([^@;]+)/i.exec(call.remote.uri)?.[1] ?? call.remote.uri;

/** Shows the notification unless the agent is already looking at the window; returns a close function. */
export function notifyIncomingCall(
  create: CreateNotification,
  window: ShellWindow | null,
  call: CallState,
  t: TFunction,
): (() => void) | null {
  if (window?.isFocused() && window.isVisible() && !window.isMinimized()) return null;
  const notification = create({
    title: call.waiting ? t('calls.waitingTitle') : t('shell.incomingTitle'),
    body: t('shell.incomingBody', { who: callerOf(call) }),
    urgency: 'critical',
    // Our own ringtone plays in the window; the OS sound would ring twice.
    silent: true,
  });
  notification.on('click', () => window && bringForward(window));
  notification.show();
  return () => notification.close();
}
