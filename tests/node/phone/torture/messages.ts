/**
 * Builders for the rogue registrar's messages. Every message of a case carries the case's own
 * Call-ID (`id`), so its answer is found by that alone.
 */
export const SDP_OFFER = [
  'v=0',
  'o=rogue 1 1 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 30000 RTP/AVP 0',
  'a=rtpmap:0 PCMU/8000',
  'a=sendrecv',
  '',
].join('\r\n');

export interface RequestSpec {
  method?: string;
  uri?: string;
  version?: string;
  /** Header fields to replace (null: leave out), by the exact names used below. */
  set?: Record<string, string | null>;
  /** Header lines added after the standard ones. */
  extra?: string[];
  body?: string;
}

/** A request from the rogue registrar to the phone; a well-formed INVITE unless `spec` says otherwise. */
export function request(id: string, spec: RequestSpec = {}): string {
  const { method = 'INVITE', uri = 'sip:agent@127.0.0.1', version = 'SIP/2.0', body = '' } = spec;
  const fields: Record<string, string | null> = {
    Via: `SIP/2.0/WS rogue.invalid;branch=z9hG4bK-${id}`,
    'Max-Forwards': '70',
    From: `"Rogue" <sip:rogue@127.0.0.1>;tag=f-${id}`,
    To: '<sip:agent@127.0.0.1>',
    'Call-ID': id,
    CSeq: `1 ${method}`,
    Contact: '<sip:rogue@127.0.0.1;transport=ws>',
    ...(body ? { 'Content-Type': 'application/sdp' } : {}),
    'Content-Length': String(Buffer.byteLength(body, 'utf8')),
    ...spec.set,
  };
  const lines = Object.entries(fields)
    .filter((field): field is [string, string] => field[1] !== null)
    .map(([name, value]) => `${name}: ${value}`);
  return [`${method} ${uri} ${version}`, ...lines, ...(spec.extra ?? []), '', body].join('\r\n');
}

/** A valid INVITE with an SDP offer. */
export const invite = (id: string, spec: RequestSpec = {}) => request(id, { body: SDP_OFFER, ...spec });

/** A response from the rogue registrar, as if to a request of the phone's (which it never sent). */
export function response(id: string, statusLine = 'SIP/2.0 200 OK', set: Record<string, string | null> = {}) {
  return request(id, { method: 'OPTIONS', set }).replace(/^[^\r]*/, statusLine);
}

/** The ACK for a final non-2xx answer to `inviteText` (same branch, the answer's To tag). */
export function ackFor(inviteText: string, answer: string): string {
  const header = (text: string, name: string) => new RegExp(`^${name}: ([^\r]*)`, 'mi').exec(text)?.[1] ?? '';
  const cseq = header(inviteText, 'CSeq').split(' ')[0];
  return [
    `ACK ${/^INVITE (\S+)/.exec(inviteText)?.[1] ?? 'sip:agent@127.0.0.1'} SIP/2.0`,
    `Via: ${header(inviteText, 'Via')}`,
    'Max-Forwards: 70',
    `From: ${header(inviteText, 'From')}`,
    `To: ${header(answer, 'To')}`,
    `Call-ID: ${header(inviteText, 'Call-ID')}`,
    `CSeq: ${cseq} ACK`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** The CANCEL for a ringing `inviteText` (same branch, RFC 3261 9.1). */
export function cancelFor(inviteText: string): string {
  return (inviteText.split('\r\n\r\n')[0] ?? '')
    .replace(/^INVITE /, 'CANCEL ')
    .replace(/^CSeq: (\d+) INVITE$/m, 'CSeq: $1 CANCEL')
    .replace(/^Content-Type: .*\r\n/m, '')
    .replace(/^Content-Length: .*$/m, 'Content-Length: 0')
    .concat('\r\n\r\n');
}
