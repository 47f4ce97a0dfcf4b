/**
 * How one policy key is written down: once, with everything the readers, the settings screen and
 * the generated artefacts (ADMX/ADML, JSON Schema, .mobileconfig, docs/policy-reference.md) need.
 * The zod schema of each key is built here from its kind, so the type is never written twice.
 */
import { z } from 'zod';

export type PolicyCategory = 'account' | 'network' | 'breaks' | 'summaries' | 'desktop';

export interface Bilingual {
  en: string;
  he: string;
}

interface Common<T> {
  /** The value's name in the registry, the plist, the JSON file and the docs (PascalCase). */
  name: string;
  category: PolicyCategory;
  /** What Steadyline uses when IT sets nothing. */
  default: T;
  /**
   * true: IT may set a default the agent can change (Recommended) or lock the value (greyed,
   * "set by your IT department"). false: the agent has no such setting; the value applies as set.
   */
  lockable: boolean;
  /** A floor: the agent may go above it, never below (the break's minimum). */
  floor?: boolean;
  description: Bilingual;
  example: T;
}

export type PolicyKey =
  | (Common<string | null> & { kind: 'string'; maxLength: number; pattern?: RegExp; template?: boolean })
  | (Common<boolean> & { kind: 'boolean' })
  | (Common<number | null> & { kind: 'integer'; min: number; max: number })
  | (Common<string> & { kind: 'enum'; values: readonly string[] })
  | (Common<string[]> & { kind: 'list'; maxItems: number; itemMaxLength: number; itemPattern?: RegExp });

/** The zod schema of one key's value, derived from its kind and limits. */
export function valueSchema(key: PolicyKey): z.ZodType {
  switch (key.kind) {
    case 'string': {
      let text = z.string().trim().min(1).max(key.maxLength);
      if (key.pattern) text = text.regex(key.pattern);
      return text;
    }
    case 'boolean':
      return z.boolean();
    case 'integer':
      return z.number().int().min(key.min).max(key.max);
    case 'enum':
      return z.enum(key.values as [string, ...string[]]);
    case 'list': {
      let item = z.string().trim().min(1).max(key.itemMaxLength);
      if (key.itemPattern) item = item.regex(key.itemPattern);
      return z.array(item).max(key.maxItems);
    }
  }
}

/** A value as IT would write it, for docs and the sample profile. */
export function exampleText(key: PolicyKey): string {
  return JSON.stringify(key.example);
}
