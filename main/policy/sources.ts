/** Where IT's policy comes from: each source behind the same small interface. */
import type { SourcedPolicy } from './resolve';

export interface PolicySource {
  name: string;
  /** Every policy this source holds, highest precedence first (the registry has HKLM and HKCU). */
  read(): Promise<SourcedPolicy[]>;
  /** Calls back when the source may have changed; returns a function that stops watching. */
  watch?(onChange: () => void): () => void;
}

const isDictionary = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A document whose `Recommended` dictionary holds the defaults and whose every other key is
 * locked (the Linux file, the test variable, the plist). Anything else is one problem, nothing applied.
 */
export function fromDocument(source: string, document: unknown): SourcedPolicy {
  if (!isDictionary(document)) {
    return { source, raw: { locked: {}, recommended: {} }, problem: 'not a dictionary of policy keys' };
  }
  const { Recommended, ...locked } = document;
  if (Recommended !== undefined && !isDictionary(Recommended)) {
    return { source, raw: { locked, recommended: {} }, problem: 'Recommended is not a dictionary' };
  }
  return { source, raw: { locked, recommended: Recommended ?? {} } };
}

/** A JSON text as a sourced policy; invalid JSON is one problem. */
export function fromJsonText(source: string, text: string): SourcedPolicy {
  try {
    return fromDocument(source, JSON.parse(text));
  } catch {
    return { source, raw: { locked: {}, recommended: {} }, problem: 'not valid JSON' };
  }
}
