/**
 * Text as a person reads it: the window isolates names, numbers and notes inside sentences with
 * Unicode isolates (U+2066–U+2069, see renderer/src/components/format.ts), which are invisible.
 */
const ISOLATES = /[\u2066-\u2069]/g;

export const plain = (text: string | null | undefined): string => (text ?? '').replace(ISOLATES, '');

/** An accessible-name matcher that ignores the isolates: `getByRole('button', { name: named('Redial 100') })`. */
export const named =
  (expected: string) =>
  (name: string): boolean =>
    plain(name) === expected;
