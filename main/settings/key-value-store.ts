/**
 * The settings file behind an interface both electron-store (in the app) and conf (in Node: tests
 * and the browser preview) satisfy, so the settings service runs the same way in both.
 */
import { existsSync, renameSync } from 'node:fs';

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly path: string;
  readonly store: Record<string, unknown>;
}

export interface OpenedStore {
  store: KeyValueStore;
  /** Where an unreadable settings file was moved before a fresh one was created. */
  movedAside: string | null;
}

export const SETTINGS_NAME = 'settings';

/**
 * Opens a store; if its file is not valid JSON, moves the file aside (never deletes it) and opens a
 * fresh one, so a damaged file cannot stop the phone from starting.
 */
export function openStoreSafely(open: () => KeyValueStore, file: string, now = Date.now): OpenedStore {
  try {
    return { store: open(), movedAside: null };
  } catch (error) {
    if (!existsSync(file)) throw error;
    const movedAside = `${file}.invalid-${now()}.json`;
    renameSync(file, movedAside);
    return { store: open(), movedAside };
  }
}
