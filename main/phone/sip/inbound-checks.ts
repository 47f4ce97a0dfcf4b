/**
 * What sip.js 0.21 lets through and RFC 3261 says a UAS must refuse, judged on the message's raw
 * text (so a value sip.js would misread is never echoed back corrupted). Each check returns the
 * answer to give, or null when the request may go on to sip.js.
 */
import { firstHeader, headerValues, type RawMessage } from './raw-message';

export interface Answer {
  statusCode: number;
  reasonPhrase: string;
  extraHeaders?: string[];
  /** For the log: what was wrong. */
  why: string;
}

/** Bodies the session methods understand (RFC 3261 8.2.3: anything else is a 415 with Accept). */
const SESSION_METHODS = new Set(['INVITE', 'ACK', 'UPDATE', 'PRACK']);
const SESSION_BODY = 'application/sdp';
const MAX_CSEQ = 2 ** 31 - 1;

const answer = (statusCode: number, reasonPhrase: string, why: string, extraHeaders?: string[]): Answer => ({
  statusCode,
  reasonPhrase,
  why,
  extraHeaders,
});

/** RFC 3261 7.1 and 8.2: SIP/2.0 only (the version is case-insensitive). */
export function checkVersion(version: string): Answer | null {
  return version.toUpperCase() === 'SIP/2.0'
    ? null
    : answer(505, 'Version Not Supported', `SIP version ${version.slice(0, 20)}`);
}

/** RFC 3261 20.16: a 32-bit sequence number and the request's own method. */
function checkCSeq(message: RawMessage, method: string): Answer | null {
  const match = /^(\d{1,10})\s+(\S+)$/.exec(firstHeader(message, 'cseq') ?? '');
  if (!match) return answer(400, 'Bad CSeq', 'CSeq is not a number and a method');
  if (Number(match[1]) > MAX_CSEQ) return answer(400, 'Bad CSeq', 'CSeq number out of range');
  if (match[2] !== method) return answer(400, 'Bad CSeq', 'CSeq method differs from the request');
  return null;
}

/** RFC 3261 20.22 and 20.19, RFC 4475 3.1.2.4: Max-Forwards 0-255, Expires a 32-bit number of seconds. */
function checkScalars(message: RawMessage): Answer | null {
  const maxForwards = firstHeader(message, 'max-forwards');
  if (maxForwards !== undefined && !(/^\d{1,3}$/.test(maxForwards) && Number(maxForwards) <= 255))
    return answer(400, 'Bad Max-Forwards', 'Max-Forwards is not 0-255');
  const expires = firstHeader(message, 'expires');
  if (expires !== undefined && !(/^\d{1,10}$/.test(expires) && Number(expires) <= 2 ** 32 - 1))
    return answer(400, 'Bad Expires', 'Expires is not a 32-bit number of seconds');
  return null;
}

/** RFC 3261 18.3 and 20.14: a Content-Length, if given, is the body's length in bytes. */
function checkContentLength(message: RawMessage): Answer | null {
  const declared = headerValues(message, 'content-length');
  if (declared.length === 0) return null;
  if (declared.length > 1 || !/^\d{1,9}$/.test(declared[0] ?? ''))
    return answer(400, 'Bad Content-Length', 'Content-Length is not one number');
  const expected = Number(declared[0]);
  const actual = Buffer.byteLength(message.body, 'utf8');
  if (actual < expected) return answer(400, 'Bad Content-Length', 'body shorter than Content-Length');
  if (actual === expected) return null;
  const extra = Buffer.from(message.body, 'utf8').subarray(expected).toString('utf8');
  return extra.trim() === '' ? null : answer(400, 'Bad Content-Length', 'body longer than Content-Length');
}

/** RFC 3261 8.2.2.3: every Require option tag must be one we support (not for ACK or CANCEL). */
function checkRequire(message: RawMessage, method: string, supported: readonly string[]): Answer | null {
  if (method === 'ACK' || method === 'CANCEL') return null;
  const required = headerValues(message, 'require')
    .flatMap((value) => value.split(','))
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  const unsupported = required.filter((tag) => !supported.includes(tag.toLowerCase()));
  if (unsupported.length === 0) return null;
  return answer(420, 'Bad Extension', `unsupported Require: ${unsupported.join(', ').slice(0, 200)}`, [
    `Unsupported: ${unsupported.join(', ')}`,
  ]);
}

/** RFC 3261 8.2.3: a body we cannot read is a 415 naming what we accept. */
function checkBody(message: RawMessage, method: string): Answer | null {
  const encodings = headerValues(message, 'content-encoding')
    .flatMap((value) => value.split(','))
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (encodings.length > 0) {
    return answer(415, 'Unsupported Media Type', `Content-Encoding ${encodings.join(', ').slice(0, 100)}`, [
      'Accept-Encoding: identity',
    ]);
  }
  if (message.body.trim() === '') return null;
  const type = firstHeader(message, 'content-type');
  if (!type) return answer(400, 'Missing Content-Type', 'a body without a Content-Type');
  const mediaType = (type.split(';')[0] ?? '').trim().toLowerCase();
  if (SESSION_METHODS.has(method) && mediaType !== SESSION_BODY) {
    return answer(415, 'Unsupported Media Type', `${method} with ${mediaType.slice(0, 100)}`, [
      `Accept: ${SESSION_BODY}`,
    ]);
  }
  return null;
}

/** The checks in RFC 3261 8.2's order, after sip.js has parsed the request. */
export function checkRequest(
  message: RawMessage,
  method: string,
  supportedOptionTags: readonly string[],
): Answer | null {
  if (message.malformedLine !== null)
    return answer(400, 'Bad Header', `a header line that is not a field: ${message.malformedLine}`);
  return (
    checkCSeq(message, method) ??
    checkScalars(message) ??
    checkContentLength(message) ??
    checkRequire(message, method, supportedOptionTags) ??
    checkBody(message, method)
  );
}

/** A response whose body is shorter than its Content-Length was cut in transit (RFC 3261 18.3): dropped. */
export function responseCutShort(message: RawMessage): boolean {
  const declared = firstHeader(message, 'content-length');
  return declared !== undefined && Buffer.byteLength(message.body, 'utf8') < Number(declared);
}
