/**
 * Turns what an agent types or pastes into a SIP URI: an extension ("1001"), a number in any
 * common format ("+972 50-123-4567", "(03) 555 1234"), or a sip:/sips: URI as it is.
 */
export function normaliseDialTarget(input: string, domain: string): string | null {
  const text = input.trim();
  if (/^sips?:/i.test(text))
    return /^sips?:[^\s@]+@[^\s@]+$/i.test(text) || /^sips?:[^\s@]+$/i.test(text) ? text : null;
  const digits = text.replace(/[\s().-]/g, '');
  if (!/^\+?[0-9*#]{1,32}$/.test(digits)) return null;
  return `sip:${digits}@${domain}`;
}
