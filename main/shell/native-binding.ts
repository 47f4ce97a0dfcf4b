/**
 * better-sqlite3 is a native module, built per ABI: node_modules holds the Node build the tests
 * use. The packaged app needs nothing here (electron-builder's npmRebuild rebuilt it for Electron).
 * In development, `npm start` builds an Electron copy into .electron-native/ and we pass it as
 * better-sqlite3's `nativeBinding` option, so the two builds never overwrite each other.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const DEV_NATIVE_BINDING = join('.electron-native', 'better_sqlite3.node');

export function nativeBindingFor(isPackaged: boolean, appPath: string): string | undefined {
  if (isPackaged) return undefined;
  const file = join(appPath, DEV_NATIVE_BINDING);
  return existsSync(file) ? file : undefined;
}
