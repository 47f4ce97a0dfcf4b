/**
 * The effective policy for the rest of main: read from every source at start, re-read when a
 * source says it changed (or `refresh()` is called), with each problem logged once. Listeners hear
 * about every change, so settings, logging and trust follow without a restart.
 */
import type { Logger } from '../logging/logger';

import { resolvePolicy, type EffectivePolicy, type PolicyProblem } from './resolve';
import type { PolicySource } from './sources';
import type { TemplateContext } from './templates';

export interface PolicyService {
  current(): EffectivePolicy;
  /** Reads every source again; resolves with the new policy once listeners have been told. */
  refresh(): Promise<EffectivePolicy>;
  onChange(listener: (policy: EffectivePolicy) => void): () => void;
  close(): void;
}

export interface PolicyServiceDeps {
  /** Highest precedence first. */
  sources: readonly PolicySource[];
  context: TemplateContext;
  logger: Logger;
}

export async function createPolicyService({
  sources,
  context,
  logger,
}: PolicyServiceDeps): Promise<PolicyService> {
  const listeners = new Set<(policy: EffectivePolicy) => void>();
  const logged = new Set<string>();
  let current = await readAll();
  let reading: Promise<EffectivePolicy> | null = null;

  async function readAll(): Promise<EffectivePolicy> {
    const read = await Promise.all(
      sources.map((source) =>
        source.read().catch((error: unknown) => {
          logger.warn({ source: source.name, err: error }, 'policy source could not be read');
          return [];
        }),
      ),
    );
    const policy = resolvePolicy(read.flat(), context);
    logProblems(policy.problems);
    return policy;
  }

  function logProblems(problems: readonly PolicyProblem[]) {
    for (const problem of problems) {
      const id = `${problem.source}|${problem.key}|${problem.reason}`;
      if (logged.has(id)) continue;
      logged.add(id);
      logger.warn(problem, 'a policy value was not valid and is ignored');
    }
  }

  async function refresh(): Promise<EffectivePolicy> {
    // Events may come in bursts (write + rename): one read at a time, the last one wins.
    const previous = reading;
    reading = (async () => {
      await previous;
      current = await readAll();
      logger.info({ keys: Object.keys(current.entries) }, 'policy read');
      for (const listener of listeners) listener(current);
      return current;
    })();
    return reading;
  }

  const stops = sources.flatMap((source) => (source.watch ? [source.watch(() => void refresh())] : []));
  logger.info({ keys: Object.keys(current.entries) }, 'policy read');
  return {
    current: () => current,
    refresh,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const stop of stops) stop();
      listeners.clear();
    },
  };
}
