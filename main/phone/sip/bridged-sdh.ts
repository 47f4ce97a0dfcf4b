/**
 * sip.js's SessionDescriptionHandler, implemented by forwarding to Steadyline's MediaEngine: sip.js
 * decides when an offer or answer is needed, the media engine (WebRTC in the renderer) makes it.
 */
import type { BodyAndContentType, SessionDescriptionHandler } from 'sip.js';

import type { MediaEngine } from '../media-engine';

const SDP = 'application/sdp';

export class BridgedSessionDescriptionHandler implements SessionDescriptionHandler {
  private remoteOffer: string | null = null;
  private awaitingAnswer = false;

  constructor(
    private readonly media: MediaEngine,
    private readonly callId: string,
  ) {}

  /** Answers a pending remote offer, or else makes an offer and waits for its answer. */
  async getDescription(): Promise<BodyAndContentType> {
    const offer = this.remoteOffer;
    this.remoteOffer = null;
    if (offer) return { body: await this.media.createAnswer(this.callId, offer), contentType: SDP };
    this.awaitingAnswer = true;
    return { body: await this.media.createOffer(this.callId), contentType: SDP };
  }

  hasDescription(contentType: string): boolean {
    return contentType === SDP;
  }

  async setDescription(sdp: string): Promise<void> {
    if (!this.awaitingAnswer) {
      this.remoteOffer = sdp;
      return;
    }
    this.awaitingAnswer = false;
    await this.media.setRemoteAnswer(this.callId, sdp);
  }

  sendDtmf(tones: string): boolean {
    return this.media.sendDtmf(this.callId, tones);
  }

  close(): void {
    this.media.close(this.callId);
  }
}
