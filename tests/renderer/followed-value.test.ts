/** A value main answers and pushes (registration, availability): a late answer never overwrites a newer event. */
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';

import type { Result } from '../../preload/contract';
import { followedValue } from '../../renderer/src/stores/followed-value';

function storeWith(ask: () => Promise<Result<string>>) {
  let push: (value: string) => void = () => undefined;
  const useStore = create<{ value: string; updates: number; load(): Promise<void>; follow(): () => void }>()(
    (set, get) => ({
      value: 'initial',
      updates: 0,
      ...followedValue('value', set, get, ask, (listener) => {
        push = listener;
        return () => (push = () => undefined);
      }),
    }),
  );
  return { useStore, push: (value: string) => push(value) };
}

describe('followedValue', () => {
  it('takes the answer when nothing was pushed meanwhile, then every pushed value', async () => {
    const { useStore, push } = storeWith(async () => ({ ok: true, value: 'answered' }));
    await useStore.getState().load();
    expect(useStore.getState().value).toBe('answered');
    const stop = useStore.getState().follow();
    push('pushed');
    expect(useStore.getState()).toMatchObject({ value: 'pushed', updates: 1 });
    stop();
    push('after stop');
    expect(useStore.getState().value).toBe('pushed');
  });

  it('keeps a pushed value when the answer to the earlier question arrives later', async () => {
    let answer: (result: Result<string>) => void = () => undefined;
    const { useStore, push } = storeWith(() => new Promise((resolve) => (answer = resolve)));
    useStore.getState().follow();
    const loading = useStore.getState().load();
    push('newer');
    answer({ ok: true, value: 'stale' });
    await loading;
    expect(useStore.getState().value).toBe('newer');
  });

  it('keeps the value when main answers with an error', async () => {
    const { useStore } = storeWith(async () => ({ ok: false, error: { code: 'internal', message: 'x' } }));
    await useStore.getState().load();
    expect(useStore.getState().value).toBe('initial');
  });
});
