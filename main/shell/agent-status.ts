/**
 * What the tray and notifications need to know about the agent, followed from the core's events:
 * registration, availability and the calls. Plain data, so it is tested without Electron.
 */
import type { Availability, CallState, EventChannel, RegistrationState } from '../../preload/contract';

export type TrayStatus = 'available' | 'on-call' | 'break' | 'dnd' | 'offline';

export interface AgentStatus {
  registration: RegistrationState['state'];
  availability: Availability;
  calls: ReadonlyMap<string, CallState>;
}

export const initialAgentStatus: AgentStatus = {
  registration: 'not-configured',
  availability: 'available',
  calls: new Map(),
};

/** The status after one core event (others leave it as it is). */
export function nextAgentStatus(status: AgentStatus, event: EventChannel, payload: unknown): AgentStatus {
  if (event === 'phone:registration')
    return { ...status, registration: (payload as RegistrationState).state };
  if (event === 'phone:availability') return { ...status, availability: payload as Availability };
  if (event !== 'phone:call') return status;
  const call = payload as CallState;
  const calls = new Map(status.calls);
  if (call.state === 'ended') calls.delete(call.id);
  else calls.set(call.id, call);
  return { ...status, calls };
}

/** One word for the tray: offline unless registered; a call beats availability. */
export function trayStatus({ registration, availability, calls }: AgentStatus): TrayStatus {
  if (registration !== 'registered') return 'offline';
  if ([...calls.values()].some((call) => call.state === 'active')) return 'on-call';
  return availability === 'available' ? 'available' : availability;
}

/** Calls ringing for the agent now. */
export function ringingCalls({ calls }: AgentStatus): CallState[] {
  return [...calls.values()].filter((call) => call.direction === 'inbound' && call.state === 'ringing');
}
