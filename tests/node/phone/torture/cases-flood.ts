/** Floods and oversize input: the limits in main/phone/sip/inbound-limits.ts, met and passed. */
import { expect } from 'vitest';

import {
  MAX_DISPLAY_NAME_CHARS,
  MAX_HEADER_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_RINGING_CALLS,
  MAX_SCANNED_CHARS,
} from '../../../../main/phone/sip/inbound-limits';

import type { TortureCase } from './case';
import { isCallOf } from './rogue';
import { cancelFor, invite, request, response } from './messages';

const bigBody = (chars: number) => `v=0\r\n${'a=x-filler\r\n'.repeat(Math.ceil(chars / 12))}`;

export const floodCases: TortureCase[] = [
  {
    name: 'a message past the size limit',
    category: 'oversize',
    messages: (id) => [
      request(id, {
        method: 'OPTIONS',
        body: bigBody(MAX_MESSAGE_CHARS),
        set: { 'Content-Type': 'application/sdp' },
      }),
    ],
    expected: { status: 513 },
  },
  {
    name: 'a 2 MiB message, dropped unread',
    category: 'oversize',
    messages: (id) => [
      request(id, {
        method: 'OPTIONS',
        body: bigBody(2 * MAX_SCANNED_CHARS),
        set: { 'Content-Type': 'application/sdp' },
      }),
    ],
    expected: 'drop',
  },
  {
    name: 'one header past the header limit',
    category: 'oversize',
    messages: (id) => [invite(id, { extra: [`Subject: ${'s'.repeat(MAX_HEADER_CHARS)}`] })],
    expected: { status: 513 },
  },
  {
    name: '300 header fields',
    category: 'oversize',
    messages: (id) => [invite(id, { extra: Array.from({ length: 300 }, (_, n) => `X-Header-${n}: ${n}`) })],
    expected: { status: 513 },
  },
  {
    name: 'a 64 KiB display name',
    category: 'oversize',
    messages: (id) => [
      invite(id, { set: { From: `"${'N'.repeat(65_536)}" <sip:rogue@127.0.0.1>;tag=f-${id}` } }),
    ],
    expected: { status: 513 },
  },
  {
    name: 'an oversize response, dropped',
    category: 'oversize',
    messages: (id) => [response(id, 'SIP/2.0 200 OK', { Subject: 's'.repeat(MAX_MESSAGE_CHARS) })],
    expected: 'drop',
  },
  {
    name: `a 6,000-character display name rings, cut to ${MAX_DISPLAY_NAME_CHARS} for the card and the journal`,
    category: 'oversize',
    async script(rogue, id) {
      const text = invite(id, {
        set: { From: `"${'דנה '.repeat(1_500)}" <sip:rogue@127.0.0.1>;tag=f-${id}` },
      });
      rogue.send(text);
      const call = await rogue.phone.waitForCall(isCallOf(id));
      expect(call.remote.displayName?.length).toBeLessThanOrEqual(MAX_DISPLAY_NAME_CHARS + 1);
      expect(call.remote.displayName?.endsWith('…')).toBe(true);
      await rogue.ringThenDecline(id, text);
      const row = rogue.phone.journal
        .prepare('SELECT remote_display_name AS name FROM calls WHERE sip_call_id = ?')
        .get(id) as { name: string };
      expect(row.name).toBe(call.remote.displayName);
      return 'answered';
    },
  },
  {
    name: '200 OPTIONS at once, every one answered',
    category: 'flood',
    async script(rogue, id) {
      const ids = Array.from({ length: 200 }, (_, n) => `${id}-${n}`);
      rogue.send(...ids.map((each) => request(each, { method: 'OPTIONS' })));
      for (const each of ids) expect((await rogue.answerTo(each)).status).toBe(200);
      return 'answered';
    },
  },
  {
    name: 'a flood of CRLF keep-alives, then an OPTIONS',
    category: 'flood',
    async script(rogue, id) {
      rogue.send(...Array.from({ length: 500 }, () => '\r\n\r\n'));
      rogue.send(request(id, { method: 'OPTIONS' }));
      expect((await rogue.answerTo(id)).status).toBe(200);
      return 'answered';
    },
  },
  {
    name: `${MAX_RINGING_CALLS + 12} INVITEs at once: ${MAX_RINGING_CALLS} ring, the rest get 486 Busy Here and are journaled`,
    category: 'flood',
    async script(rogue, id) {
      const texts = Array.from({ length: MAX_RINGING_CALLS + 12 }, (_, n) => invite(`${id}-${n}`));
      rogue.send(...texts);
      const answers = await Promise.all(
        texts.map((_, n) =>
          rogue.server.waitFor(
            (sent) => sent.includes(`Call-ID: ${id}-${n}\r`) && /^SIP\/2\.0 (180|486)/.test(sent),
          ),
        ),
      );
      const codes = answers.map((sent) => sent.slice(8, 11));
      expect(codes.filter((code) => code === '180')).toHaveLength(MAX_RINGING_CALLS);
      expect(codes.filter((code) => code === '486')).toHaveLength(12);
      const busy = rogue.phone.journal
        .prepare(
          "SELECT COUNT(*) AS n FROM calls WHERE sip_call_id LIKE ? AND sip_status = 486 AND end_reason = 'busy' AND ended_at IS NOT NULL",
        )
        .get(`${id}-%`) as { n: number };
      expect(busy.n).toBe(12);
      const ringing = texts.filter((_, n) => codes[n] === '180');
      rogue.send(...ringing.map(cancelFor));
      for (const text of ringing) {
        const callId = /^Call-ID: (\S+)/m.exec(text)?.[1] ?? '';
        await rogue.phone.waitForCall((call) => isCallOf(callId)(call) && call.endReason === 'cancelled');
      }
      return 'answered';
    },
  },
];
