/**
 * Which policy sources this machine has, highest precedence first: Windows HKLM/HKCU, macOS
 * managed preferences, the Linux file; then the test variable, only when the caller allows it
 * (the shell does when the app is not packaged: an agent must not be able to unlock a setting by
 * setting a variable).
 */
import type { Logger } from '../logging/logger';

import { createEnvSource, createFileSource } from './file-source';
import { LINUX_POLICY_FILE } from './keys';
import { createPlistSource, managedPreferenceFiles, plutilReader } from './plist-source';
import type { RegistryReader } from './registry-source';
import { createRegistrySource } from './registry-source';
import type { PolicySource } from './sources';

export interface PlatformSourceOptions {
  platform: NodeJS.Platform;
  username: string;
  env: Readonly<Record<string, string | undefined>>;
  allowEnvOverride: boolean;
  logger: Logger;
  /** Windows: the registry (native-reg); loaded by the caller so tests need no native module. */
  registry?: RegistryReader;
  /** Linux: where the file is (default /etc/steadyline/policy.json). */
  linuxFile?: string;
}

export function platformPolicySources(options: PlatformSourceOptions): PolicySource[] {
  const sources: PolicySource[] = [];
  if (options.platform === 'win32' && options.registry) sources.push(createRegistrySource(options.registry));
  if (options.platform === 'darwin') {
    sources.push(createPlistSource(plutilReader, managedPreferenceFiles(options.username)));
  }
  if (options.platform === 'linux')
    sources.push(createFileSource(options.linuxFile ?? LINUX_POLICY_FILE, options.logger));
  if (options.allowEnvOverride) sources.push(createEnvSource(options.env));
  return sources;
}
