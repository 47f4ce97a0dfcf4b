import { Grammar, type Invitation } from 'sip.js';

import type { RemoteParty } from './call-types';
import { cutDisplayName } from './inbound-limits';

/** The caller's identity: P-Asserted-Identity, then Remote-Party-ID, then From (names cut: inbound-limits.ts). */
export function remotePartyOf(invitation: Invitation): RemoteParty {
  const request = invitation.request;
  for (const header of ['P-Asserted-Identity', 'Remote-Party-ID']) {
    const value = request.getHeader(header);
    const parsed = value ? Grammar.nameAddrHeaderParse(value) : undefined;
    if (parsed) return { uri: parsed.uri.toString(), displayName: cutDisplayName(parsed.displayName) };
  }
  return { uri: request.from.uri.toString(), displayName: cutDisplayName(request.from.displayName) };
}
