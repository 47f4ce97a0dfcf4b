/**
 * Where a call's media lives. Signalling runs in main, but audio needs WebRTC, which exists only
 * in the renderer: the renderer implements this over the bridge (agent-UI issue). Main's sip.js
 * session description handler forwards offers, answers and DTMF here, keyed by call id.
 */
export interface MediaOptions {
  /** Put the remote party on hold: offer to send only (music on hold), not to receive. */
  hold?: boolean;
}

export interface MediaEngine {
  createOffer(callId: string, options?: MediaOptions): Promise<string>;
  /** Answers an offer; an offer that only sends (the other side holds us) gets a receive-only answer. */
  createAnswer(callId: string, remoteOffer: string, options?: MediaOptions): Promise<string>;
  setRemoteAnswer(callId: string, remoteAnswer: string): Promise<void>;
  /** RFC 4733 DTMF; false when the media path cannot send it (the engine then uses SIP INFO). */
  sendDtmf(callId: string, tones: string): boolean;
  close(callId: string): void;
}
