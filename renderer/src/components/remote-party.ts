import type { CallState } from '../../../preload/contract';

/** The number (or extension) an agent recognises: the user part of a `sip:` URI. */
export function numberOf(uri: string): string {
  const match = /^sips?:([^@;]+)/i.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : uri;
}

/** Name and number to show for the other side of a call. */
export function remotePartyOf(call: CallState): { name: string | null; number: string } {
  return { name: call.remote.displayName, number: numberOf(call.remote.uri) };
}
