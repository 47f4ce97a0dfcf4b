/**
 * Group Policy / Intune: `HKLM` then `HKCU` `SOFTWARE\Policies\Steadyline` (locked values) and its
 * `Recommended` subkey (defaults). The mapping from registry types to policy values is here
 * (tested on Linux with recorded registry fixtures); the reading itself is a `RegistryReader`
 * (native-reg on Windows: registry-native.ts). ADMX `list` elements write a list as a subkey
 * whose values are named 1, 2, 3…; a REG_MULTI_SZ value is accepted too.
 */
import type { PolicyKey } from './define';
import { POLICY_KEYS, RECOMMENDED, REGISTRY_PATH } from './keys';
import type { RawPolicy, SourcedPolicy } from './resolve';
import type { PolicySource } from './sources';

export type RegistryValue = string | number | string[];
export type Hive = 'HKLM' | 'HKCU';

export interface RegistryReader {
  /** The values directly in a key (REG_SZ → string, REG_DWORD → number, REG_MULTI_SZ → string[]), or null when the key is absent. */
  values(hive: Hive, path: string): Record<string, RegistryValue> | null;
}

export function createRegistrySource(reader: RegistryReader): PolicySource {
  return {
    name: 'registry',
    read: async () =>
      (['HKLM', 'HKCU'] as const).flatMap((hive): SourcedPolicy[] => {
        const raw = readHive(reader, hive);
        return raw ? [{ source: `${hive}\\${REGISTRY_PATH}`, raw }] : [];
      }),
  };
}

function readHive(reader: RegistryReader, hive: Hive): RawPolicy | null {
  const locked = readKey(reader, hive, REGISTRY_PATH);
  const recommended = readKey(reader, hive, `${REGISTRY_PATH}\\${RECOMMENDED}`);
  if (!locked && !recommended) return null;
  return { locked: locked ?? {}, recommended: recommended ?? {} };
}

function readKey(reader: RegistryReader, hive: Hive, path: string): Record<string, unknown> | null {
  const values = reader.values(hive, path);
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    const key = POLICY_KEYS.find((candidate) => candidate.name === name);
    result[name] = key ? fromRegistry(key, value) : value;
  }
  for (const key of POLICY_KEYS.filter((candidate) => candidate.kind === 'list')) {
    const items = reader.values(hive, `${path}\\${key.name}`);
    if (items) result[key.name] = listFromSubkey(items);
  }
  return values || Object.keys(result).length > 0 ? result : null;
}

/** A registry value as the policy value it stands for; anything that does not fit passes unchanged (and is then reported as invalid). */
function fromRegistry(key: PolicyKey, value: RegistryValue): unknown {
  if (key.kind === 'boolean' && typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (key.kind === 'list' && typeof value === 'string') return [value];
  return value;
}

function listFromSubkey(items: Record<string, RegistryValue>): unknown[] {
  return Object.entries(items)
    .filter(([name]) => /^[0-9]{1,4}$/.test(name))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, value]) => value);
}
