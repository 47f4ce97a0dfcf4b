/**
 * A media engine that only writes SDP (PCMU and telephone-event on a fixed loopback port) and
 * carries no audio. For signalling tests and benchmarks, where no renderer exists, and named so
 * nobody mistakes it for a real one.
 */
import type { MediaEngine } from './media-engine';

const sdp = (sessionId: number) =>
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
    'a=sendrecv',
    '',
  ].join('\r\n');

export class SdpOnlyMediaEngine implements MediaEngine {
  readonly openCalls = new Set<string>();
  readonly dtmfSent: string[] = [];
  private sessions = 0;

  async createOffer(callId: string) {
    this.openCalls.add(callId);
    return sdp(++this.sessions);
  }
  async createAnswer(callId: string) {
    this.openCalls.add(callId);
    return sdp(++this.sessions);
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
