/**
 * Where a call's media lives. Signalling runs in main, but audio needs WebRTC, which exists only
 * in the renderer: the renderer implements this over the bridge (agent-UI issue). Main's sip.js
 * session description handler forwards offers, answers and DTMF here, keyed by call id.
 */
export interface MediaEngine {
  createOffer(callId: string): Promise<string>;
  createAnswer(callId: string, remoteOffer: string): Promise<string>;
  setRemoteAnswer(callId: string, remoteAnswer: string): Promise<void>;
  /** RFC 4733 DTMF; false when the media path cannot send it (the engine then uses SIP INFO). */
  sendDtmf(callId: string, tones: string): boolean;
  close(callId: string): void;
}
