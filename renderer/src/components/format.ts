/**
 * One way to write dates and times everywhere (Intl, in the agent's language), and one name for
 * how a call ended: an incoming call nobody answered was missed (the SIP stack says "cancelled").
 */
export const formatDateTime = (at: number, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

export const formatTime = (at: number, language: string): string =>
  new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(at);

export const formatDay = (at: number, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'full' }).format(at);

/** The `calls.endReason.*` key for a call's ending, or null when it has none. */
export function endReasonOf(call: { direction: string; endReason: string | null }): string | null {
  if (call.endReason === 'cancelled' && call.direction === 'inbound') return 'missed';
  return call.endReason;
}

/**
 * A name, number or note from outside, isolated inside a translated sentence (U+2068 FIRST STRONG
 * ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, as `<bdi>` does for elements): a Latin name or an English
 * note inside Hebrew keeps its own direction and the sentence's punctuation stays where it belongs.
 */
export const isolate = (text: string | number): string => `\u2068${text}\u2069`;
