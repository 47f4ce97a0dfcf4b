/**
 * Typed fan-out of contract events from the services to whichever transport is attached
 * (the Electron window, or test bridge clients). Payloads are validated against the contract on
 * the way out, so only contract-shaped data ever leaves main.
 */
import { eventChannels, type EventChannel, type EventOf } from '../../preload/contract';
import type { Logger } from '../logging/logger';

export type EventListener = (event: EventChannel, payload: unknown) => void;

export interface EventHub {
  publish<E extends EventChannel>(event: E, payload: EventOf<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(logger: Logger): EventHub {
  const listeners = new Set<EventListener>();
  return {
    publish(event, payload) {
      const checked = eventChannels[event].parse(payload);
      for (const listener of listeners) {
        try {
          listener(event, checked);
        } catch (error) {
          logger.error({ event, err: error }, 'event listener failed');
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
