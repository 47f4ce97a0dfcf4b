import { describe, expect, it } from 'vitest';

import { requestChannels, type RequestChannel } from '../../../preload/contract';
import type { Handlers } from '../../../main/ipc/router';
import { createRouter } from '../../../main/ipc/router';
import { UserFacingError } from '../../../main/kernel/user-facing-error';
import { createLogger } from '../../../main/logging/logger';
import { collectingDestination } from '../../support/collecting-destination';

const settingsView = { account: null, language: 'en', passwordStorage: 'encrypted' } as const;

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const refuse = () => {
    throw new Error('not used in this test');
  };
  const base = Object.fromEntries(Object.keys(requestChannels).map((channel) => [channel, refuse]));
  return { ...base, ...overrides } as Handlers;
}

function routerWith(overrides: Partial<Handlers>) {
  const log = collectingDestination();
  const router = createRouter({
    handlers: handlersWith(overrides),
    logger: createLogger({ destination: log }),
  });
  return { router, log };
}

const goodAccount = {
  serverUrl: 'wss://pbx.example.org/ws',
  sipUser: '1001',
  domain: '',
  authUser: '',
  password: 'Tr0ub4dor&3',
  displayName: 'Dana',
};

describe('router', () => {
  it('passes a valid request to its handler and returns the validated response', async () => {
    const { router } = routerWith({ 'settings:get': () => settingsView });
    expect(await router.handle('settings:get', undefined)).toEqual({ ok: true, value: settingsView });
  });

  it('rejects an unknown channel with a typed error', async () => {
    const { router } = routerWith({});
    const result = await router.handle('settings:dropTables', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown-channel', message: 'Unknown channel.' } });
  });

  it('rejects a channel name that cannot even be turned into a string', async () => {
    const { router } = routerWith({});
    const result = await router.handle({ toString: false }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('rejects an invalid payload, names the field, and never calls the handler', async () => {
    let called = false;
    const { router } = routerWith({
      'settings:saveAccount': () => {
        called = true;
        return settingsView;
      },
    });
    const result = await router.handle('settings:saveAccount', { ...goodAccount, serverUrl: 'http://pbx' });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.issues).toEqual([{ path: 'serverUrl', message: 'websocket-url' }]);
  });

  it('logs a rejected request without the values it carried', async () => {
    const { router, log } = routerWith({});
    await router.handle('settings:saveAccount', { ...goodAccount, sipUser: 'has space' });
    expect(log.text()).toContain('invalid request rejected');
    expect(log.text()).not.toContain(goodAccount.password);
  });

  it('turns a UserFacingError into its typed error', async () => {
    const { router } = routerWith({
      'app:dismissNotice': () => {
        throw new UserFacingError('not-found', 'No such notice.');
      },
    });
    const result = await router.handle('app:dismissNotice', { id: 'x' });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'No such notice.' } });
  });

  it('hides the details of an unexpected failure from the renderer but logs them', async () => {
    const { router, log } = routerWith({
      'settings:get': () => {
        throw new Error('disk on fire at /secret/path');
      },
    });
    const result = await router.handle('settings:get', undefined);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).not.toContain('/secret/path');
    expect(log.text()).toContain('disk on fire');
  });

  it('strips fields a handler returns that the contract does not name', async () => {
    const leaky = { ...settingsView, password: 'should-never-cross' };
    const { router } = routerWith({ 'settings:get': () => leaky });
    const result = await router.handle('settings:get', undefined);
    expect(JSON.stringify(result)).not.toContain('should-never-cross');
  });

  it('covers every contract channel with a distinct domain:verb name', () => {
    const channels = Object.keys(requestChannels) as RequestChannel[];
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-z][A-Za-z]+$/);
  });
});
