/**
 * What a pasted number becomes in the number field: `+972 (50) 123-4567`, `tel:050.123.4567` or a
 * number copied from right-to-left text (with invisible direction marks) all become plain digits
 * with an optional leading +. A `sip:` address is kept as it is, only trimmed.
 */
const DIRECTION_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SEPARATORS = /[\s\u00a0\-.()/]/g;

export function normalisePastedNumber(text: string): string {
  const cleaned = text.replace(DIRECTION_MARKS, '').trim();
  if (/^sips?:/i.test(cleaned)) return cleaned;
  const withoutScheme = cleaned.replace(/^tel:/i, '');
  const compact = withoutScheme.replace(SEPARATORS, '');
  // Keep what an agent could mean as a number: digits, * and #, one leading +.
  return /^\+?[0-9*#]+$/.test(compact) ? compact : withoutScheme.trim();
}

export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export type KeypadKey = (typeof KEYPAD_KEYS)[number];
