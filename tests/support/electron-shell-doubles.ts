/**
 * Named doubles of the Electron objects the workstation shell receives (Tray, Menu, Notification,
 * globalShortcut, the window). Electron's runtime cannot run on this machine; these stand in at
 * exactly that boundary and record what the shell asked of them.
 */
import type { MenuItemConstructorOptions, NotificationConstructorOptions } from 'electron';

export class FakeTrayForTests {
  image = '';
  tooltip = '';
  menu: MenuItemConstructorOptions[] = [];
  setImage(image: unknown) {
    this.image = String((image as { file: string }).file);
  }
  setToolTip(tooltip: string) {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: unknown) {
    this.menu = (menu as { template: MenuItemConstructorOptions[] }).template;
  }
  /** Clicks the menu item with this label, as the agent would. */
  click(label: string) {
    const item = this.menu.find((entry) => entry.label === label);
    if (!item?.click) throw new Error(`no clickable tray item "${label}"`);
    (item.click as () => void)();
  }
}

export class FakeNotificationForTests {
  static shown: FakeNotificationForTests[] = [];
  closed = false;
  private readonly listeners = new Map<string, () => void>();
  constructor(readonly options: NotificationConstructorOptions) {}
  show() {
    FakeNotificationForTests.shown.push(this);
  }
  close() {
    this.closed = true;
  }
  on(event: string, listener: () => void) {
    this.listeners.set(event, listener);
    return this;
  }
  click() {
    this.listeners.get('click')?.();
  }
}

export class FakeGlobalShortcutForTests {
  readonly held = new Map<string, () => void>();
  /** Accelerators another program holds. */
  readonly takenElsewhere = new Set<string>();
  register(accelerator: string, callback: () => void) {
    if (this.takenElsewhere.has(accelerator)) return false;
    this.held.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string) {
    this.held.delete(accelerator);
  }
  press(accelerator: string) {
    const callback = this.held.get(accelerator);
    if (!callback) throw new Error(`${accelerator} is not registered`);
    callback();
  }
}

export class FakeWindowForTests {
  focused = false;
  minimized = false;
  visible = true;
  readonly calls: string[] = [];
  isFocused() {
    return this.focused;
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  restore() {
    this.calls.push('restore');
    this.minimized = false;
  }
  show() {
    this.calls.push('show');
    this.visible = true;
  }
  focus() {
    this.calls.push('focus');
    this.focused = true;
  }
}
