/**
 * A media engine that only writes SDP (PCMU and telephone-event on a fixed loopback port) and
 * carries no audio. For signalling tests and benchmarks, where no renderer exists, and named so
 * nobody mistakes it for a real one.
 */
import type { MediaEngine, MediaOptions } from './media-engine';

type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/** The direction that answers an offer's direction (RFC 3264 section 6.1). */
function answerDirection(offer: string, hold: boolean): Direction {
  const offered = /^a=(sendrecv|sendonly|recvonly|inactive)/m.exec(offer)?.[1] ?? 'sendrecv';
  if (offered === 'sendonly') return 'recvonly';
  if (offered === 'inactive') return 'inactive';
  if (offered === 'recvonly') return hold ? 'inactive' : 'sendonly';
  return hold ? 'sendonly' : 'sendrecv';
}

const sdp = (sessionId: number, direction: Direction) =>
  [
    'v=0',
    `o=steadyline ${sessionId} 1 IN IP4 127.0.0.1`,
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 40000 RTP/AVP 0 101',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=fmtp:101 0-15',
    `a=${direction}`,
    '',
  ].join('\r\n');

export class SdpOnlyMediaEngine implements MediaEngine {
  readonly openCalls = new Set<string>();
  readonly dtmfSent: string[] = [];
  private sessions = 0;

  async createOffer(callId: string, options: MediaOptions = {}) {
    this.openCalls.add(callId);
    return sdp(++this.sessions, options.hold ? 'sendonly' : 'sendrecv');
  }
  async createAnswer(callId: string, remoteOffer: string, options: MediaOptions = {}) {
    this.openCalls.add(callId);
    return sdp(++this.sessions, answerDirection(remoteOffer, options.hold ?? false));
  }
  async setRemoteAnswer() {}
  sendDtmf(_callId: string, tones: string) {
    this.dtmfSent.push(tones);
    return true;
  }
  close(callId: string) {
    this.openCalls.delete(callId);
  }
}
