/**
 * Turns what the sources hold into the effective policy, one key at a time: a key with a wrong
 * type or value is ignored alone and reported (never the whole policy). A locked value from any
 * source beats a default; between sources of the same kind, the earlier (higher precedence) wins.
 */
import type { PolicyKey } from './define';
import { valueSchema } from './define';
import { policyKey } from './keys';
import { expandTemplate, type TemplateContext } from './templates';

/** One source's values: `locked` (enforced) and `recommended` (defaults the agent may change). */
export interface RawPolicy {
  locked: Record<string, unknown>;
  recommended: Record<string, unknown>;
}

export interface SourcedPolicy {
  /** Where it came from, for the log and diagnostics: "HKLM", "/etc/steadyline/policy.json"… */
  source: string;
  raw: RawPolicy;
  /** The whole document could not be read (not JSON, not a dictionary): reported, nothing applied. */
  problem?: string;
}

export interface PolicyEntry {
  value: unknown;
  /** The agent cannot change it (locked, or a key the agent has no setting for). */
  locked: boolean;
  source: string;
}

export interface PolicyProblem {
  source: string;
  key: string;
  reason: string;
}

export interface EffectivePolicy {
  entries: Readonly<Record<string, PolicyEntry>>;
  problems: readonly PolicyProblem[];
}

export const EMPTY_POLICY: EffectivePolicy = { entries: {}, problems: [] };

export function resolvePolicy(sources: readonly SourcedPolicy[], context: TemplateContext): EffectivePolicy {
  const entries: Record<string, PolicyEntry> = {};
  const problems: PolicyProblem[] = sources.flatMap(({ source, problem }) =>
    problem ? [{ source, key: '*', reason: problem }] : [],
  );
  for (const section of ['locked', 'recommended'] as const) {
    for (const { source, raw } of sources) {
      for (const [name, value] of Object.entries(raw[section])) {
        const key = policyKey(name);
        if (!key) {
          problems.push({ source, key: name.slice(0, 80), reason: 'not a Steadyline policy key' });
          continue;
        }
        const checked = checkValue(key, value, context);
        if (!checked.ok) {
          problems.push({ source, key: name, reason: checked.reason });
          continue;
        }
        if (entries[name]) continue;
        entries[name] = { value: checked.value, locked: section === 'locked' || !key.lockable, source };
      }
    }
  }
  return { entries, problems };
}

function checkValue(
  key: PolicyKey,
  value: unknown,
  context: TemplateContext,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const parsed = valueSchema(key).safeParse(value);
  if (!parsed.success) return { ok: false, reason: describeIssue(key, parsed.error.issues[0]?.message) };
  if (key.kind !== 'string' || !key.template) return { ok: true, value: parsed.data };
  const expanded = expandTemplate(parsed.data as string, context);
  if (!expanded.ok) return expanded;
  const again = valueSchema(key).safeParse(expanded.value);
  return again.success
    ? { ok: true, value: again.data }
    : { ok: false, reason: `after expansion: ${describeIssue(key, again.error.issues[0]?.message)}` };
}

function describeIssue(key: PolicyKey, message: string | undefined): string {
  return `expected ${key.kind}${message ? ` (${message.slice(0, 120)})` : ''}`;
}
