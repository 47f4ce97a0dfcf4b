/**
 * The media engine until the window provides WebRTC audio (the agent-UI work): every offer or
 * answer fails, so a call ends cleanly as "failed" instead of connecting without sound.
 */
import type { MediaEngine } from './media-engine';

const unavailable = () => Promise.reject(new Error('Call audio is not available in this version.'));

export class UnavailableMediaEngine implements MediaEngine {
  createOffer = unavailable;
  createAnswer = unavailable;
  setRemoteAnswer = unavailable;
  sendDtmf = () => false;
  close() {}
}
