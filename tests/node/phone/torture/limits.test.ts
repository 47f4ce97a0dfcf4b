/**
 * The limits and the raw-message answers the inbound guard relies on: display names cut safely,
 * call handles of any length the guard lets through accepted by the IPC contract, and a stateless
 * answer that copies what RFC 3261 8.2.6.2 asks for (and nothing when it cannot).
 */
import { describe, expect, it } from 'vitest';

import { requestChannels } from '../../../../preload/contract';
import { MAX_CALL_HANDLE_CHARS } from '../../../../preload/schemas/common';
import {
  cutDisplayName,
  MAX_DISPLAY_NAME_CHARS,
  MAX_HEADER_CHARS,
} from '../../../../main/phone/sip/inbound-limits';
import { answerFor, splitMessage } from '../../../../main/phone/sip/raw-message';

describe('display names', () => {
  it('are kept when short and cut with an ellipsis when long', () => {
    expect(cutDisplayName('Dana Cohen')).toBe('Dana Cohen');
    expect(cutDisplayName('')).toBeNull();
    expect(cutDisplayName(undefined)).toBeNull();
    const cut = cutDisplayName('ד'.repeat(10_000));
    expect(cut).toBe(`${'ד'.repeat(MAX_DISPLAY_NAME_CHARS)}…`);
  });

  it('lose the escapes of a quoted string (RFC 3261 quoted-pair)', () => {
    expect(cutDisplayName('\\"Dana\\" \\\\ דנה')).toBe('"Dana" \\ דנה');
  });

  it('are never cut inside a surrogate pair', () => {
    const cut = cutDisplayName(`${'a'.repeat(MAX_DISPLAY_NAME_CHARS - 1)}😀😀`) ?? '';
    expect(cut).toBe(`${'a'.repeat(MAX_DISPLAY_NAME_CHARS - 1)}…`);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
  });
});

describe('call handles through the IPC contract', () => {
  it('accept a handle made of the longest Call-ID and From tag the guard lets through', () => {
    expect(MAX_CALL_HANDLE_CHARS).toBeGreaterThanOrEqual(2 * MAX_HEADER_CHARS);
    const longest = 'c'.repeat(MAX_HEADER_CHARS) + 't'.repeat(MAX_HEADER_CHARS);
    expect(requestChannels['phone:answer'].request.safeParse({ callId: longest }).success).toBe(true);
    expect(requestChannels['phone:decline'].request.safeParse({ callId: longest }).success).toBe(true);
    expect(requestChannels['phone:answer'].request.safeParse({ callId: `${longest}x` }).success).toBe(false);
  });
});

const headers = (to: string) =>
  [
    'OPTIONS sip:agent@127.0.0.1 SIP/2.0',
    'Via: SIP/2.0/WS a.invalid;branch=z9hG4bK-1',
    'v: SIP/2.0/WS b.invalid;branch=z9hG4bK-2',
    'From: <sip:caller@127.0.0.1>;tag=abc',
    `To: ${to}`,
    'Call-ID: call-1',
    'CSeq: 7 OPTIONS',
    '',
    '',
  ].join('\r\n');

describe('stateless answers from raw text', () => {
  it('copy every Via in order, From, To, Call-ID and CSeq, adding a To tag', () => {
    const text =
      answerFor(splitMessage(headers('<sip:agent@127.0.0.1;tag=in-uri>')), 400, 'Bad Request') ?? '';
    expect(text.split('\r\n').slice(0, 7)).toEqual([
      'SIP/2.0 400 Bad Request',
      'Via: SIP/2.0/WS a.invalid;branch=z9hG4bK-1',
      'Via: SIP/2.0/WS b.invalid;branch=z9hG4bK-2',
      'From: <sip:caller@127.0.0.1>;tag=abc',
      expect.stringMatching(/^To: <sip:agent@127\.0\.0\.1;tag=in-uri>;tag=[0-9a-f]{12}$/),
      'Call-ID: call-1',
      'CSeq: 7 OPTIONS',
    ]);
  });

  it('keep a To tag that is there', () => {
    const text = answerFor(
      splitMessage(headers('"A;tag=x" <sip:agent@127.0.0.1>;tag=mine')),
      420,
      'Bad Extension',
      ['Unsupported: foo'],
    );
    expect(text).toContain('\r\nTo: "A;tag=x" <sip:agent@127.0.0.1>;tag=mine\r\n');
    expect(text).toContain('\r\nUnsupported: foo\r\n');
  });

  it('are not made when a header to copy is missing', () => {
    expect(
      answerFor(splitMessage(headers('<sip:agent@127.0.0.1>').replace(/^Call-ID.*\r\n/m, '')), 400, 'x'),
    ).toBeNull();
  });

  it('see a header line without a colon or with a name that is not a token', () => {
    expect(
      splitMessage(headers('<sip:a@b>').replace('CSeq: 7', 'Subject no colon\r\nCSeq: 7')).malformedLine,
    ).toBe('Subject no colon');
    expect(
      splitMessage(headers('<sip:a@b>').replace('CSeq: 7', 'Bad Name: x\r\nCSeq: 7')).malformedLine,
    ).toBe('Bad Name: x');
    expect(splitMessage(headers('<sip:a@b>')).malformedLine).toBeNull();
  });
});
