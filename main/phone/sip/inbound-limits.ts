/**
 * The limits Steadyline puts on what a SIP peer may send (main/phone/README.md lists them). Each is
 * far above anything a PBX sends in practice (an INVITE with SDP is 2-5 KB), and low enough that a
 * hostile peer cannot make the engine parse, show or store megabytes.
 */

/** A whole SIP message, in characters of the WebSocket frame; larger requests get 513. */
export const MAX_MESSAGE_CHARS = 65_536;
/** Past this a message is dropped unread: answering it would mean scanning it. */
export const MAX_SCANNED_CHARS = 1_048_576;
/** One header field (its folded lines joined); a longer one makes the request a 513. */
export const MAX_HEADER_CHARS = 8_192;
/** Header fields in one message. */
export const MAX_HEADER_FIELDS = 256;
/** A caller's display name is cut to this many characters for the window and the journal. */
export const MAX_DISPLAY_NAME_CHARS = 128;
/** Calls ringing at once (call waiting included); the next is answered 486 Busy Here and journaled. */
export const MAX_RINGING_CALLS = 8;

/**
 * A display name from the network as the agent should read it: sip.js leaves a quoted string's
 * escapes in (`\"` for `"`, RFC 3261 25.1 quoted-pair), so they are undone, and the name is cut to
 * `MAX_DISPLAY_NAME_CHARS` (never inside a surrogate pair).
 */
export function cutDisplayName(escaped: string | null | undefined): string | null {
  if (!escaped) return null;
  const name = escaped.replace(/\\([\s\S])/g, '$1');
  if (name.length <= MAX_DISPLAY_NAME_CHARS) return name;
  const cut = name.slice(0, MAX_DISPLAY_NAME_CHARS);
  const last = cut.charCodeAt(cut.length - 1);
  const endsInHighSurrogate = last >= 0xd800 && last <= 0xdbff;
  return `${endsInHighSurrogate ? cut.slice(0, -1) : cut}…`;
}
