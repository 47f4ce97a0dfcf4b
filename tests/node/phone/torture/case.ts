/** The shape of one torture case: what the rogue sends, and what must come of it. */
import type { Rogue } from './rogue';

/** RFC 4475's categories, plus floods and oversize input. */
export type Category =
  | 'parser torture'
  | 'invalid message'
  | 'transaction layer'
  | 'application layer'
  | 'backward compatibility'
  | 'flood'
  | 'oversize';

export type Expected =
  /** This final answer (and, if given, a header line in it). */
  | { status: number; header?: RegExp }
  /** No answer at all. */
  | 'drop'
  /** A valid call: 180 Ringing and a ringing card (then the test declines it). */
  | 'rings';

export type Outcome = 'answered' | 'dropped';

export interface TortureCase {
  name: string;
  category: Category;
  /** The messages the rogue sends; all carry the Call-ID `id` (the first is the INVITE for 'rings'). */
  messages?: (id: string) => string[];
  expected?: Expected;
  /** Instead of `messages`/`expected`: a case in several steps, asserting on its own. */
  script?: (rogue: Rogue, id: string) => Promise<Outcome>;
}

export const crlf = (...lines: string[]) => lines.join('\r\n');
