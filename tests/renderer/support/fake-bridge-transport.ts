/**
 * TEST DOUBLE of the bridge transport for jsdom component tests: answers each channel from a
 * table the test controls and lets the test push events, as main would. The real bridge is
 * covered by the e2e tests.
 */
import type { BridgeTransport } from '../../../preload/api';
import type { EventChannel, RequestChannel, Result } from '../../../preload/contract';

type Responder = (payload: unknown) => Result<unknown>;

export class FakeBridgeTransport implements BridgeTransport {
  readonly calls: Array<[RequestChannel, unknown]> = [];
  private readonly responders = new Map<RequestChannel, Responder>();
  private readonly listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

  respond(channel: RequestChannel, responder: Responder): void {
    this.responders.set(channel, responder);
  }

  async invoke(channel: RequestChannel, payload: unknown): Promise<unknown> {
    this.calls.push([channel, payload]);
    const responder = this.responders.get(channel);
    return responder
      ? responder(payload)
      : { ok: false, error: { code: 'unavailable', message: `no answer for ${channel}` } };
  }

  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  emit(event: EventChannel, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}
