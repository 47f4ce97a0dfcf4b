/**
 * The settings file in plain Node (tests, the browser preview): conf, the engine electron-store
 * is built on, with the same file format and location rules.
 */
import { join } from 'node:path';

import Conf from 'conf';

import { openStoreSafely, SETTINGS_NAME, type OpenedStore } from './key-value-store';

export function createConfStore({
  cwd,
  configName = SETTINGS_NAME,
}: {
  cwd: string;
  configName?: string;
}): OpenedStore {
  const open = () => new Conf<Record<string, unknown>>({ projectName: 'steadyline', cwd, configName });
  return openStoreSafely(open, join(cwd, `${configName}.json`));
}
