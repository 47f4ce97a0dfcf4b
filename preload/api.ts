/**
 * Builds `window.steadyline` from the contract: one function per request channel, one
 * `onX(listener)` per event that returns its unsubscribe function, and nothing generic.
 *
 * The transport is the only thing that differs between the Electron preload (ipcRenderer) and
 * the test bridge (a loopback WebSocket), so both give the renderer the very same API.
 */
import {
  eventChannels,
  requestChannels,
  type EventChannel,
  type EventOf,
  type RequestChannel,
  type RequestInputOf,
  type ResponseOf,
  type Result,
} from './contract';

export interface BridgeTransport {
  invoke(channel: RequestChannel, payload: unknown): Promise<unknown>;
  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
type Domain = DomainOf<RequestChannel | EventChannel>;

type RequestFunction<C extends RequestChannel> =
  undefined extends RequestInputOf<C>
    ? (payload?: RequestInputOf<C>) => Promise<Result<ResponseOf<C>>>
    : (payload: RequestInputOf<C>) => Promise<Result<ResponseOf<C>>>;

export type Unsubscribe = () => void;

type DomainApi<D extends Domain> = {
  [C in RequestChannel as DomainOf<C> extends D ? VerbOf<C> : never]: RequestFunction<C>;
} & {
  [E in EventChannel as DomainOf<E> extends D ? `on${Capitalize<VerbOf<E>>}` : never]: (
    listener: (payload: EventOf<E>) => void,
  ) => Unsubscribe;
};

export type SteadylineApi = { readonly [D in Domain]: DomainApi<D> };

const splitChannel = (channel: string): [string, string] => {
  const [domain = '', verb = ''] = channel.split(':');
  return [domain, verb];
};

const listenerName = (verb: string) => `on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;

export function buildSteadylineApi(transport: BridgeTransport): SteadylineApi {
  const api: Record<string, Record<string, unknown>> = {};
  const domainOf = (domain: string) => (api[domain] ??= {});

  for (const channel of Object.keys(requestChannels) as RequestChannel[]) {
    const [domain, verb] = splitChannel(channel);
    domainOf(domain)[verb] = (payload?: unknown) => transport.invoke(channel, payload);
  }
  for (const event of Object.keys(eventChannels) as EventChannel[]) {
    const [domain, verb] = splitChannel(event);
    domainOf(domain)[listenerName(verb)] = (listener: (payload: unknown) => void) =>
      transport.subscribe(event, listener);
  }
  for (const domain of Object.values(api)) Object.freeze(domain);
  return Object.freeze(api) as unknown as SteadylineApi;
}
