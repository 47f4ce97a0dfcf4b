/**
 * The Windows registry through native-reg (N-API, prebuilt for Windows inside the package).
 * Loaded only on Windows; not exercised by tests (no registry on the build machine): the mapping
 * it feeds is tested with recorded fixtures in tests/node/policy/registry-source.test.ts.
 */
import type { Hive, RegistryReader, RegistryValue } from './registry-source';

export async function loadNativeRegistryReader(): Promise<RegistryReader> {
  const reg = await import('native-reg');
  const roots = { HKLM: reg.HKLM, HKCU: reg.HKCU };
  return {
    values(hive: Hive, path: string) {
      const key = reg.openKey(roots[hive], path, reg.Access.READ);
      if (!key) return null;
      try {
        const result: Record<string, RegistryValue> = {};
        for (const name of reg.enumValueNames(key)) {
          const value = reg.queryValue(key, name);
          if (typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) {
            result[name] = value;
          }
        }
        return result;
      } finally {
        reg.closeKey(key);
      }
    },
  };
}
