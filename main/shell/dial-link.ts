/**
 * tel:, sip: and callto: links from the OS (a click in a browser, a CRM, an e-mail), parsed
 * strictly: a link is only a number to offer the agent, who confirms before anything is dialled.
 * Anything that is not plainly a number or a SIP address is refused: headers or parameters
 * (`?`, `;`), control and bidi characters, more than one percent-decoding, very long input, other schemes.
 */
export const MAX_LINK_LENGTH = 256;

const SCHEME = /^(tel|sip|sips|callto):(\/\/)?/i;
/** C0/C1 controls, DEL, and the bidi/format characters that make text read differently than it is. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const VISUAL_SEPARATORS = /[\s().-]/g;
const DIAL_STRING = /^\+?[0-9*#]{1,32}$/;
const SIP_USER = /^[A-Za-z0-9._+-]{1,64}$/;
const HOST =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

export interface DialLink {
  /** What goes to `phone:dial`: a dial string (`+97231234567`) or `sip:user@host`. */
  target: string;
  /** What the confirmation shows the agent (the same, in plain characters). */
  display: string;
}

export function parseDialLink(link: string): DialLink | null {
  if (typeof link !== 'string' || link.length > MAX_LINK_LENGTH) return null;
  const scheme = SCHEME.exec(link);
  if (!scheme) return null;
  let rest: string;
  try {
    rest = decodeURIComponent(link.slice(scheme[0].length));
  } catch {
    return null;
  }
  if (FORBIDDEN.test(rest) || /[?;&=<>"'%,\\]/.test(rest)) return null;
  const kind = (scheme[1] ?? '').toLowerCase();
  if (rest.includes('@')) {
    if (kind === 'tel') return null;
    const [user = '', host = '', ...more] = rest.split('@');
    if (more.length > 0 || !SIP_USER.test(user) || !HOST.test(host)) return null;
    const target = `${kind === 'sips' ? 'sips' : 'sip'}:${user}@${host.toLowerCase()}`;
    return { target, display: target };
  }
  const digits = rest.replace(VISUAL_SEPARATORS, '');
  if (!DIAL_STRING.test(digits)) return null;
  return { target: digits, display: digits };
}

/** The first dial link among a process's arguments (Windows and Linux pass the link as an argument). */
export function dialLinkFromArgv(argv: readonly string[]): DialLink | null {
  for (const argument of argv.slice(1)) {
    if (SCHEME.test(argument)) return parseDialLink(argument);
  }
  return null;
}

export const DIAL_LINK_SCHEMES = ['tel', 'sip', 'callto'] as const;
