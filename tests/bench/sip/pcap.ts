/**
 * Reads INVITE→200 OK times per call from a tcpdump capture on lo (sipp's side): exact, where
 * sipp's own response times come in 4 ms steps on this machine.
 */
import { readFileSync } from 'node:fs';

interface Packet {
  time: number;
  payload: string;
}

function* packets(file: string): Generator<Packet> {
  const data = readFileSync(file);
  const linkType = data.readUInt32LE(20);
  const linkHeader = linkType === 1 ? 14 : linkType === 113 ? 16 : 0; // Ethernet, Linux cooked
  for (let offset = 24; offset + 16 <= data.length;) {
    const seconds = data.readUInt32LE(offset);
    const micros = data.readUInt32LE(offset + 4);
    const length = data.readUInt32LE(offset + 8);
    const frame = data.subarray(offset + 16, offset + 16 + length);
    offset += 16 + length;
    const ip = frame.subarray(linkHeader);
    const versionAndLength = ip[0] ?? 0;
    if (ip.length < 28 || versionAndLength >> 4 !== 4 || ip[9] !== 17) continue;
    const udp = ip.subarray((versionAndLength & 0x0f) * 4);
    yield { time: seconds * 1000 + micros / 1000, payload: udp.subarray(8).toString('latin1') };
  }
}

const callIdOf = (sip: string) => /^Call-ID:\s*(\S+)/im.exec(sip)?.[1];

/** INVITE→200 OK milliseconds for every call in the capture, by the order the INVITEs were sent. */
export function inviteToOkTimes(file: string): number[] {
  const sent = new Map<string, number>();
  const times: number[] = [];
  for (const { time, payload } of packets(file)) {
    const callId = callIdOf(payload);
    if (!callId) continue;
    if (payload.startsWith('INVITE ') && !sent.has(callId)) sent.set(callId, time);
    else if (payload.startsWith('SIP/2.0 200') && /^CSeq:\s*\d+ INVITE/im.test(payload) && sent.has(callId)) {
      times.push(time - (sent.get(callId) ?? time));
      sent.delete(callId);
    }
  }
  return times;
}
