/**
 * Following 3xx redirects of an outgoing call (RFC 3261 8.1.3.4): the Contact addresses of the
 * 3xx, best q-value first, each tried once per call (loop-safe) and at most MAX_REDIRECTS times
 * in all. A call that cannot be redirected fails with the 3xx's status.
 */
import type { Core, NameAddrHeader, URI } from 'sip.js';

export const MAX_REDIRECTS = 3;

/** What one call has been through: the addresses already tried, the redirects followed. */
export interface RedirectTrail {
  tried: Set<string>;
  hops: number;
}

export const startTrail = (first: URI): RedirectTrail => ({ tried: new Set([addressOf(first)]), hops: 0 });

/** Two spellings of one address compare equal: scheme, user, host and port only. */
function addressOf(uri: URI): string {
  return `${uri.scheme}:${uri.user ?? ''}@${uri.host.toLowerCase()}:${uri.port ?? ''}`;
}

/**
 * The next address to try, recording it in `trail`; null when there is none (no Contact, only
 * addresses already tried, not a sip: or sips: address, or too many redirects).
 */
export function nextRedirect(message: Core.IncomingResponseMessage, trail: RedirectTrail): URI | null {
  if (trail.hops >= MAX_REDIRECTS) return null;
  const contacts: NameAddrHeader[] = [];
  const count = message.getHeaders('contact').length;
  for (let index = 0; index < count; index += 1) {
    const contact = message.parseHeader('contact', index) as NameAddrHeader | undefined;
    if (contact) contacts.push(contact);
  }
  const quality = (contact: NameAddrHeader) => {
    const q = Number(contact.getParam('q') ?? 1);
    return Number.isFinite(q) ? q : 0;
  };
  const next = contacts
    .map((contact, order) => ({ contact, order }))
    .sort((a, b) => quality(b.contact) - quality(a.contact) || a.order - b.order)
    .map(({ contact }) => contact.uri)
    .find((uri) => (uri.scheme === 'sip' || uri.scheme === 'sips') && !trail.tried.has(addressOf(uri)));
  if (!next) return null;
  trail.tried.add(addressOf(next));
  trail.hops += 1;
  return next;
}
