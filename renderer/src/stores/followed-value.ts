/**
 * `load` and `follow` for a value main both answers when asked and pushes when it changes
 * (registration, availability): the pushed updates are counted, so a slower answer to the
 * initial question never overwrites a newer event.
 */
import type { Result } from '../../../preload/contract';

interface Followed {
  updates: number;
}

type Set<S> = (partial: Partial<S> | ((state: S) => Partial<S>)) => void;

export function followedValue<S extends Followed, K extends keyof S & string>(
  key: K,
  set: Set<S>,
  get: () => S,
  ask: () => Promise<Result<S[K]>>,
  subscribe: (listener: (value: S[K]) => void) => () => void,
) {
  const patch = (value: S[K]): Partial<S> => {
    const next: Partial<S> = {};
    next[key] = value;
    return next;
  };
  return {
    async load() {
      const before = get().updates;
      const result = await ask();
      if (result.ok && get().updates === before) set(patch(result.value));
    },
    follow: () =>
      subscribe((value) =>
        set((state) => {
          const next = patch(value);
          (next as Followed).updates = state.updates + 1;
          return next;
        }),
      ),
  };
}
