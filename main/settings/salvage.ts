/**
 * Reads a settings file that does not match the schema without throwing the agent's data away:
 * each section, and inside a section each field, is kept when it is valid on its own; only what is
 * not valid goes back to its default. (It used to be the whole file: account, language and devices.)
 */
import { z } from 'zod';

import { DEFAULT_SETTINGS } from './defaults';
import { StoredSettings } from './schema';

const EMPTY_ACCOUNT = { serverUrl: '', sipUser: '', domain: '', authUser: '', displayName: '' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object schema inside `.default()`, `.nullable()`, `.optional()`, or null if there is none. */
function objectInside(schema: z.ZodType): z.ZodObject | null {
  let current: unknown = schema;
  for (let depth = 0; depth < 5; depth += 1) {
    if (current instanceof z.ZodObject) return current;
    if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodOptional
    ) {
      current = current.unwrap();
    } else return null;
  }
  return null;
}

function salvageValue(
  schema: z.ZodType,
  value: unknown,
  fallback: unknown,
  path: string,
  reset: string[],
): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  const inner = objectInside(schema);
  if (inner && isRecord(value)) {
    const base = isRecord(fallback) ? fallback : {};
    const parts: Record<string, unknown> = {};
    const before = reset.length;
    for (const [name, field] of Object.entries(inner.shape)) {
      parts[name] = salvageValue(field as z.ZodType, value[name], base[name], `${path}.${name}`, reset);
    }
    const again = schema.safeParse(parts);
    if (again.success) return again.data;
    reset.length = before;
  }
  reset.push(path);
  return fallback;
}

export interface Salvaged {
  settings: StoredSettings;
  /** What went back to its default, as dotted paths (`account.sipUser`, `phone.hotkeys`). */
  reset: string[];
}

export function salvageSettings(raw: Record<string, unknown>): Salvaged {
  const reset: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(StoredSettings.shape)) {
    const fallback =
      name === 'account' && isRecord(raw.account)
        ? EMPTY_ACCOUNT
        : (DEFAULT_SETTINGS as Record<string, unknown>)[name];
    result[name] = salvageValue(field as z.ZodType, raw[name], fallback, name, reset);
  }
  const settings = StoredSettings.safeParse({ ...result, settingsVersion: DEFAULT_SETTINGS.settingsVersion });
  // Every part is valid alone, so the whole is too; the defaults are the last resort all the same.
  return settings.success ? { settings: settings.data, reset } : { settings: DEFAULT_SETTINGS, reset: ['*'] };
}
