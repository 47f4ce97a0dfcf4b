/**
 * Named doubles of the few Electron objects the shell's functions receive. Electron's runtime
 * cannot run on this machine, so these stand in at exactly that boundary and record what the
 * shell asked of them.
 */
type Listener = (...args: never[]) => unknown;

export class FakeWebContentsForTests {
  readonly listeners = new Map<string, Listener>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: unknown[][] = [];

  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  /** Fires a navigation event; returns true when the shell prevented it. */
  emitNavigation(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    const listener = this.listeners.get(event) as unknown as (
      e: { preventDefault(): void },
      url: string,
    ) => void;
    listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

type RequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type CheckHandler = (
  webContents: unknown,
  permission: string,
  origin: string,
  details: Record<string, unknown>,
) => boolean;

export class FakeSessionForTests {
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  deviceHandler: ((details: unknown) => boolean) | null = null;

  setPermissionRequestHandler(handler: RequestHandler) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler) {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: (details: unknown) => boolean) {
    this.deviceHandler = handler;
  }
  request(permission: string, requestingUrl: string, extra: Record<string, unknown> = {}): boolean {
    let granted: boolean | null = null;
    this.requestHandler?.(null, permission, (value) => (granted = value), {
      requestingUrl,
      isMainFrame: true,
      ...extra,
    });
    if (granted === null) throw new Error('the permission handler never answered');
    return granted;
  }
}

export class FakeIpcMainForTests {
  readonly handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  handle(channel: string, handler: (event: unknown, payload: unknown) => unknown) {
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invokeFrom(senderUrl: string, channel: string, payload: unknown) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: { url: senderUrl } }, payload);
  }
}
