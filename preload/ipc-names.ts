/** The single Electron IPC channel on which main pushes contract events (name, payload) to the window. */
export const EVENT_IPC_CHANNEL = 'steadyline:event';
