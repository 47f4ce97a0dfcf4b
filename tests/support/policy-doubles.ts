/**
 * Named doubles at the policy readers' OS boundary: a registry recorded as JSON (what native-reg
 * returned on Windows) and plists given as their XML (what plutil prints on macOS). Neither the
 * registry nor macOS managed preferences exist on the build machine.
 */
import { readFileSync } from 'node:fs';

import type { Hive, RegistryReader, RegistryValue } from '../../main/policy/registry-source';
import type { PlistReader } from '../../main/policy/plist-source';

export class RecordedRegistryForTests implements RegistryReader {
  readonly asked: string[] = [];
  constructor(private readonly keys: Record<string, Record<string, RegistryValue>>) {}

  static fromFile(file: string): RecordedRegistryForTests {
    const { '//': _comment, ...keys } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, never>;
    return new RecordedRegistryForTests(keys);
  }

  values(hive: Hive, path: string) {
    this.asked.push(`${hive}\\${path}`);
    return this.keys[`${hive}\\${path}`] ?? null;
  }
}

export class RecordedPlistsForTests implements PlistReader {
  constructor(private readonly files: Record<string, string>) {}
  xml(file: string) {
    return Promise.resolve(this.files[file] ?? null);
  }
}
