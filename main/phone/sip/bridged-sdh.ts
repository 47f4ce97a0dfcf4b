/**
 * sip.js's SessionDescriptionHandler, implemented by forwarding to Steadyline's MediaEngine: sip.js
 * decides when an offer or answer is needed, the media engine (WebRTC in the renderer) makes it.
 */
import type { BodyAndContentType, SessionDescriptionHandler, SessionDescriptionHandlerOptions } from 'sip.js';

import type { MediaEngine } from '../media-engine';

/** Steadyline's own option, passed by SipCalls.hold() through sip.js to getDescription(). */
export interface HoldOption extends SessionDescriptionHandlerOptions {
  hold?: boolean;
}

/** True when an offer asks us only to receive or to do nothing: the other side holds the call. */
export const offersHold = (sdp: string) => /^a=(sendonly|inactive)/m.test(sdp);

const SDP = 'application/sdp';

export class BridgedSessionDescriptionHandler implements SessionDescriptionHandler {
  private remoteOffer: string | null = null;
  private awaitingAnswer = false;

  constructor(
    private readonly media: MediaEngine,
    private readonly callId: string,
    private readonly onRemoteOffer: (sdp: string) => void = () => undefined,
  ) {}

  /** Answers a pending remote offer, or else makes an offer and waits for its answer. */
  async getDescription(options?: HoldOption): Promise<BodyAndContentType> {
    const offer = this.remoteOffer;
    this.remoteOffer = null;
    const media = { hold: options?.hold ?? this.holding };
    this.holding = media.hold;
    if (offer) return { body: await this.media.createAnswer(this.callId, offer, media), contentType: SDP };
    this.awaitingAnswer = true;
    return { body: await this.media.createOffer(this.callId, media), contentType: SDP };
  }

  /** Whether we hold the call; kept for offers sip.js makes without options (refreshes). */
  private holding = false;

  hasDescription(contentType: string): boolean {
    return contentType === SDP;
  }

  async setDescription(sdp: string): Promise<void> {
    if (!this.awaitingAnswer) {
      this.remoteOffer = sdp;
      this.onRemoteOffer(sdp);
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
