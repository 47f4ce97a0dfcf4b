/**
 * Linux: `/etc/steadyline/policy.json` (the path is injectable for tests and other distributions),
 * watched so a change applies without a restart. The folder is watched, not the file, because
 * configuration management usually replaces the file (write and rename) rather than editing it.
 */
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

import type { Logger } from '../logging/logger';

import { fromJsonText } from './sources';
import type { PolicySource } from './sources';

/** A policy file larger than this is refused: nobody writes 1 MiB of policy by hand. */
export const MAX_POLICY_FILE_BYTES = 1024 * 1024;

export function createFileSource(file: string, logger: Logger): PolicySource {
  return {
    name: 'file',
    async read() {
      let text: string;
      try {
        const bytes = await readFile(file);
        if (bytes.length > MAX_POLICY_FILE_BYTES) {
          return [{ source: file, raw: { locked: {}, recommended: {} }, problem: 'larger than 1 MiB' }];
        }
        text = bytes.toString('utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        return [{ source: file, raw: { locked: {}, recommended: {} }, problem: 'could not be read' }];
      }
      return [fromJsonText(file, text)];
    },
    watch(onChange) {
      try {
        const watcher = watch(dirname(file), (_event, name) => {
          if (name === null || name === basename(file)) onChange();
        });
        watcher.on('error', (error) => logger.warn({ err: error, file }, 'policy folder watch failed'));
        return () => watcher.close();
      } catch (error) {
        // No folder yet: the file is read at the next start (documented in docs/it-deployment.md).
        logger.info({ file, err: error }, 'policy folder not watched');
        return () => undefined;
      }
    },
  };
}

/** The environment override, for tests and the browser preview only (the shell enables it when not packaged). */
export function createEnvSource(env: Readonly<Record<string, string | undefined>>): PolicySource {
  return {
    name: 'env',
    read: async () => {
      const text = env.STEADYLINE_POLICY_JSON;
      return text ? [fromJsonText('STEADYLINE_POLICY_JSON', text)] : [];
    },
  };
}
