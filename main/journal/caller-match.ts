/**
 * Is this caller the one from before? Compares two remote parties as an agent would: a number is
 * the same number with or without a leading +, 00 or national 0, spaces, dashes, dots or brackets;
 * a SIP address is its user part (`sip:2001@pbx-a` and `2001` are one caller; the host is ignored,
 * as the same PBX user reaches us through different proxies). Pure: no journal, no clock.
 */

/** What a party reduces to: digits (with how they were written) or a SIP user name. */
export type CallerKey =
  | { kind: 'number'; digits: string; form: 'international' | 'national' | 'plain' }
  | { kind: 'user'; user: string };

/** Longer inputs are not a caller address (a hostile header); they match nothing. */
const MAX_INPUT = 512;
/** A national number with its 0 dropped may sit after a 1–3 digit country code. */
const COUNTRY_CODE_DIGITS = { min: 1, max: 3 };
/** Below this, a suffix match could join two short extensions: those must be equal. */
const MIN_SUFFIX_DIGITS = 6;
const NUMBER_LIKE = /^\+?[\d\s\-.()]+$/;

/** The user part of `sip:user@host;params`, `tel:+1-555`, `<sip:…>` or a bare number or name. */
function userPart(raw: string): string {
  let text = raw.trim();
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  text = text.replace(/^(sips?|tel):/i, '');
  const at = text.lastIndexOf('@');
  if (at >= 0) text = text.slice(0, at);
  const params = text.indexOf(';');
  if (params >= 0) text = text.slice(0, params);
  try {
    text = decodeURIComponent(text);
  } catch {
    // A broken %-escape is kept as written: it then only equals itself.
  }
  return text.trim();
}

/** Reduces a party (URI, number or name) to what identifies it; null when nothing does. */
export function callerKey(raw: string): CallerKey | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_INPUT) return null;
  const user = userPart(raw);
  if (user.length === 0) return null;
  if (NUMBER_LIKE.test(user)) {
    const compact = user.replace(/[\s\-.()]/g, '');
    if (!/^\+?\d+$/.test(compact)) return null;
    if (/^(\+|00|0)$/.test(compact)) return null;
    if (compact.startsWith('+')) return { kind: 'number', digits: compact.slice(1), form: 'international' };
    if (compact.startsWith('00')) return { kind: 'number', digits: compact.slice(2), form: 'international' };
    if (compact.startsWith('0')) return { kind: 'number', digits: compact.slice(1), form: 'national' };
    return { kind: 'number', digits: compact, form: 'plain' };
  }
  if (!/[\p{L}\p{N}]/u.test(user)) return null;
  // Names compare without case (SIP user parts are case-sensitive, but agents and PBXs are not).
  return { kind: 'user', user: user.normalize('NFC').toLowerCase() };
}

/** True when `international` is `national` behind a country code (972501234567 and 0501234567). */
function behindCountryCode(international: string, national: string): boolean {
  const extra = international.length - national.length;
  return (
    national.length >= MIN_SUFFIX_DIGITS &&
    extra >= COUNTRY_CODE_DIGITS.min &&
    extra <= COUNTRY_CODE_DIGITS.max &&
    international.endsWith(national)
  );
}

/** True when two keys name the same caller. */
export function sameKey(a: CallerKey, b: CallerKey): boolean {
  if (a.kind === 'user' || b.kind === 'user') {
    return a.kind === 'user' && b.kind === 'user' && a.user === b.user;
  }
  if (a.digits.length === 0 || b.digits.length === 0) return false;
  if (a.digits === b.digits) return true;
  // A plain number (no prefix) may be an international one written without its +.
  const intl = (key: typeof a) => key.form !== 'national';
  if (intl(a) && b.form === 'national') return behindCountryCode(a.digits, b.digits);
  if (intl(b) && a.form === 'national') return behindCountryCode(b.digits, a.digits);
  return false;
}

/** True when two parties (URIs, numbers or names) are the same caller. */
export function sameCaller(a: string, b: string): boolean {
  const left = callerKey(a);
  const right = callerKey(b);
  return left !== null && right !== null && sameKey(left, right);
}
