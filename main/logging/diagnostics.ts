/**
 * "Export diagnostics": one zip IT can ask an agent for. It holds the logs (each line reduced to
 * fields that never carry a caller, a note or a secret), the effective policy and settings with
 * secrets removed, versions, and the registration and connection state. Never the journal, notes,
 * caller identities, the SIP trace (it holds From/To headers: IT collects it from the logs folder
 * when they switched it on) or passwords; every entry is also scrubbed of the secrets the app knows.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { strToU8, zipSync } from 'fflate';

import type { EffectivePolicy } from '../policy/resolve';

export interface DiagnosticsSources {
  /** The app's own log files (main.log and its rotations; not the SIP trace). */
  logFiles(): string[];
  policy(): EffectivePolicy;
  /** The settings as the app uses them (no password is ever in them). */
  settings(): Record<string, unknown>;
  /** Versions, registration and connection state, keychain and trust facts. */
  state(): Record<string, unknown>;
  /** Values that must appear nowhere (the SIP password). */
  secrets(): string[];
}

/** Log fields that say what happened without saying who: everything else in a line is dropped. */
const LOG_FIELDS = [
  'level',
  'time',
  'module',
  'category',
  'msg',
  'state',
  'code',
  'statusCode',
  'source',
  'key',
  'kind',
  'changed',
  'keys',
  'locked',
  'from',
  'to',
];
const SECRET_SETTINGS = /password|secret|token|enrollment|sharing|credential/i;

function reduceLogLine(line: string): string | null {
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    // `from`/`to` are settings versions in migration lines; anything but a number is dropped.
    const kept = LOG_FIELDS.flatMap((field) => {
      const value = entry[field];
      if (value === undefined || ((field === 'from' || field === 'to') && typeof value !== 'number'))
        return [];
      return [[field, value]];
    });
    return JSON.stringify(Object.fromEntries(kept.map(([field, value]) => [field, anonymous(value)])));
  } catch {
    return null;
  }
}

/** Numbers and SIP addresses inside kept text (a message naming a caller) become placeholders. */
function anonymous(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.replace(/sips?:[^\s"']+/gi, '[address]').replace(/\+?\d[\d\s().-]{4,}\d/g, '[number]');
}

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_SETTINGS.test(key) ? '[removed]' : withoutSecrets(inner),
    ]),
  );
}

function scrub(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length >= 4)
    .reduce((out, secret) => out.split(secret).join('[removed]'), text);
}

export function buildDiagnosticsZip(sources: DiagnosticsSources, now: number): Uint8Array {
  const secrets = sources.secrets();
  const policy = sources.policy();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const entries: Record<string, string> = {
    'README.txt': `Steadyline diagnostics, ${new Date(now).toISOString()}.\nNo journal, notes, caller identities or passwords are included.\n`,
    'state.json': json(sources.state()),
    'policy.json': json({ entries: withoutSecrets(policy.entries), problems: policy.problems }),
    'settings.json': json(withoutSecrets(sources.settings())),
  };
  for (const file of sources.logFiles()) {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    entries[`logs/${basename(file)}`] = `${lines.flatMap((line) => reduceLogLine(line) ?? []).join('\n')}\n`;
  }
  const files = Object.fromEntries(
    Object.entries(entries).map(([name, text]) => [name, strToU8(scrub(text, secrets))]),
  );
  return zipSync(files, { level: 6, mtime: new Date(now) });
}
