/**
 * Binds the pure router to Electron's IPC: one ipcMain.handle per contract channel, each checking
 * that the request comes from our own page (Electron security checklist, item 17), and forwards
 * main's events to the window.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';

import { requestChannels, type RequestChannel, type Result } from '../../preload/contract';
import { EVENT_IPC_CHANNEL } from '../../preload/ipc-names';
import type { EventHub } from '../kernel/event-hub';
import type { Router } from '../ipc/router';
import type { Logger } from '../logging/logger';

import { isOwnOrigin } from './security';

export interface IpcBindingDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  router: Router;
  events: EventHub;
  getWindow: () => Pick<BrowserWindow, 'isDestroyed' | 'webContents'> | null;
  logger: Logger;
}

const foreignSender: Result<never> = {
  ok: false,
  error: { code: 'invalid-request', message: 'Requests are accepted only from Steadyline’s own window.' },
};

export function bindIpc({ ipcMain, router, events, getWindow, logger }: IpcBindingDeps): () => void {
  const channels = Object.keys(requestChannels) as RequestChannel[];
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const senderUrl = event.senderFrame?.url ?? '';
      if (!isOwnOrigin(senderUrl)) {
        logger.warn({ channel, sender: senderUrl.slice(0, 100) }, 'IPC from a foreign frame refused');
        return foreignSender;
      }
      return router.handle(channel, payload);
    });
  }
  const unsubscribe = events.subscribe((name, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_IPC_CHANNEL, name, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
