/**
 * Starts the window's media engine: follows main's media requests through the bridge for as long
 * as the window lives. ICE servers will come from settings; until then host candidates only.
 */
import { bridge } from '../bridge';

import { WindowMediaEngine } from './window-media-engine';

/** STUN/TURN servers for call audio (settings will provide them; empty means host candidates only). */
export const ICE_SERVERS: RTCIceServer[] = [];

function createAudioElement(): HTMLAudioElement {
  const element = document.createElement('audio');
  element.autoplay = true;
  element.hidden = true;
  document.body.append(element);
  return element;
}

export interface CallAudioControl {
  setMuted(callId: string, muted: boolean): boolean;
  /** Stops following main's requests and ends every call's audio. */
  stop(): void;
}

export function startCallAudio(): CallAudioControl {
  const media = bridge().media;
  const engine = new WindowMediaEngine({
    // The default microphone until the device picker arrives with the audio settings.
    openMicrophone: () => navigator.mediaDevices.getUserMedia({ audio: true, video: false }),
    iceServers: ICE_SERVERS,
    createAudioElement,
  });
  const stop = media.onRequest((request) => {
    void engine.handle(request).then((response) => media.respond(response));
  });
  return {
    setMuted: (callId, muted) => engine.setMuted(callId, muted),
    stop() {
      stop();
      engine.closeAll();
    },
  };
}
