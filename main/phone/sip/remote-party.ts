import { Grammar, type Invitation } from 'sip.js';

import type { RemoteParty } from './call-types';

/** The caller's identity: P-Asserted-Identity, then Remote-Party-ID, then From. */
export function remotePartyOf(invitation: Invitation): RemoteParty {
  const request = invitation.request;
  for (const header of ['P-Asserted-Identity', 'Remote-Party-ID']) {
    const value = request.getHeader(header);
    const parsed = value ? Grammar.nameAddrHeaderParse(value) : undefined;
    if (parsed) return { uri: parsed.uri.toString(), displayName: parsed.displayName || null };
  }
  return { uri: request.from.uri.toString(), displayName: request.from.displayName || null };
}
