/**
 * Just enough of a SIP message's text to judge it and to answer it when sip.js cannot: its first
 * line, header fields (folded lines joined, compact names expanded) and body. Nothing here is
 * trusted further than copying it back into an answer, as RFC 3261 8.2.6.2 asks.
 */
import { randomBytes } from 'node:crypto';

export interface RawHeader {
  /** Lower-case, compact forms expanded (`v` → `via`). */
  name: string;
  value: string;
}

export interface RawMessage {
  firstLine: string;
  headers: RawHeader[];
  /** Everything after the empty line that ends the headers ('' when there is none). */
  body: string;
  /** The longest header field, in characters (name and value). */
  longestHeader: number;
  /** The first header line without a colon, or whose name is not a token (RFC 3261 25.1), if any. */
  malformedLine: string | null;
}

const TOKEN = /^[-!%*_+`'~.0-9A-Za-z]+$/;

/** RFC 3261 7.3.3 and the IANA registry's other compact forms. */
const COMPACT_NAMES: Record<string, string> = {
  a: 'accept-contact',
  b: 'referred-by',
  c: 'content-type',
  e: 'content-encoding',
  f: 'from',
  i: 'call-id',
  k: 'supported',
  l: 'content-length',
  m: 'contact',
  o: 'event',
  r: 'refer-to',
  s: 'subject',
  t: 'to',
  u: 'allow-events',
  v: 'via',
  x: 'session-expires',
};

/** Splits a message's text; tolerates bare LF line ends (sip.js does not, so those get our 400). */
export function splitMessage(text: string): RawMessage {
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const body = end ? text.slice(end.index + end[0].length) : '';
  const lines = head.split(/\r?\n/);
  const firstLine = lines[0] ?? '';
  const headers: RawHeader[] = [];
  let longestHeader = 0;
  let malformedLine: string | null = null;
  for (const line of lines.slice(1)) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
    } else {
      const colon = line.indexOf(':');
      const name = (colon < 0 ? line : line.slice(0, colon)).trim().toLowerCase();
      if (colon < 0 || !TOKEN.test(name)) malformedLine ??= line.slice(0, 100);
      headers.push({
        name: COMPACT_NAMES[name] ?? name,
        value: colon < 0 ? '' : line.slice(colon + 1).trim(),
      });
    }
    const current = headers[headers.length - 1];
    if (current) longestHeader = Math.max(longestHeader, current.name.length + current.value.length + 2);
  }
  return { firstLine, headers, body, longestHeader, malformedLine };
}

export function headerValues(message: RawMessage, name: string): string[] {
  return message.headers.filter((header) => header.name === name).map((header) => header.value);
}

export function firstHeader(message: RawMessage, name: string): string | undefined {
  return message.headers.find((header) => header.name === name)?.value;
}

/** A request starts `METHOD SP Request-URI SP SIP-Version`; a response starts with its version. */
export const isResponseLine = (firstLine: string) => /^SIP\/\S*\s/i.test(firstLine);

/** The headers an answer must copy (RFC 3261 8.2.6.2); without all of them there is no answering. */
const ANSWER_HEADERS = ['via', 'from', 'to', 'call-id', 'cseq'] as const;

/** True when `to` already carries a tag (a `tag` parameter outside the <...> and quotes). */
function hasToTag(to: string): boolean {
  const outside = to.replace(/"(?:[^"\\]|\\.)*"/g, '').replace(/<[^>]*>/g, '');
  return /;\s*tag\s*=/i.test(outside);
}

/**
 * The text of a stateless answer to a request, from its raw headers: every Via in order, From, To
 * (with a tag of ours if it had none), Call-ID and CSeq as they came. Null when a header is missing.
 */
export function answerFor(
  message: RawMessage,
  statusCode: number,
  reasonPhrase: string,
  extraHeaders: string[] = [],
): string | null {
  const vias = headerValues(message, 'via');
  const [from, to, callId, cseq] = ANSWER_HEADERS.slice(1).map((name) => firstHeader(message, name));
  if (vias.length === 0 || from === undefined || to === undefined || !callId || !cseq) return null;
  const toValue = hasToTag(to) ? to : `${to};tag=${randomBytes(6).toString('hex')}`;
  return [
    `SIP/2.0 ${statusCode} ${reasonPhrase}`,
    ...vias.map((via) => `Via: ${via}`),
    `From: ${from}`,
    `To: ${toValue}`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq}`,
    ...extraHeaders,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}
