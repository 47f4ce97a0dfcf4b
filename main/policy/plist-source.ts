/**
 * macOS: managed preferences for the bundle id, written by an MDM configuration profile (Jamf,
 * Intune, Kandji…): `/Library/Managed Preferences/com.steadyline.app.plist` for the machine and
 * `/Library/Managed Preferences/<user>/com.steadyline.app.plist` for the user (machine first).
 * Managed preferences are usually binary plists: a `PlistReader` gives their XML (macOS: plutil),
 * parsed here with the `plist` package and mapped like the Linux file.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

import plist from 'plist';

import { BUNDLE_ID } from './keys';
import type { SourcedPolicy } from './resolve';
import { fromDocument } from './sources';
import type { PolicySource } from './sources';

export const MANAGED_PREFERENCES = '/Library/Managed Preferences';

export interface PlistReader {
  /** The plist as XML text, or null when the file does not exist. */
  xml(file: string): Promise<string | null>;
}

export function managedPreferenceFiles(username: string, root = MANAGED_PREFERENCES): string[] {
  const machine = join(root, `${BUNDLE_ID}.plist`);
  return username ? [machine, join(root, username, `${BUNDLE_ID}.plist`)] : [machine];
}

export function createPlistSource(reader: PlistReader, files: readonly string[]): PolicySource {
  return {
    name: 'managed-preferences',
    async read() {
      const found: SourcedPolicy[] = [];
      for (const file of files) {
        const xml = await reader.xml(file);
        if (xml !== null) found.push(parsePlist(file, xml));
      }
      return found;
    },
  };
}

export function parsePlist(source: string, xml: string): SourcedPolicy {
  try {
    return fromDocument(source, plist.parse(xml));
  } catch {
    return { source, raw: { locked: {}, recommended: {} }, problem: 'not a valid property list' };
  }
}

/** macOS's own converter turns a binary or XML plist into XML. Not exercised by tests (no macOS here). */
export const plutilReader: PlistReader = {
  xml: (file) =>
    new Promise((resolve) => {
      execFile(
        '/usr/bin/plutil',
        ['-convert', 'xml1', '-o', '-', file],
        { maxBuffer: 1 << 20 },
        (error, stdout) => resolve(error ? null : stdout),
      );
    }),
};
