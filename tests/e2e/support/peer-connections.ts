/**
 * TEST INSTRUMENTATION for the agent's page: the app keeps its RTCPeerConnections private, so the
 * test records each one as it is made (an init script that runs before the app) to read
 * getStats(), and notes the tones given to RTCDTMFSender. It changes nothing else.
 */
import type { Page } from 'playwright-core';

export interface AudioTotals {
  received: number;
  sent: number;
  /** 'closed' once the call's connection was closed, 'none' before any call. */
  signalingState: string;
}

// Browser code, kept as text: this project compiles for Node, without the DOM's types.
const RECORDER = `
(() => {
  const Native = window.RTCPeerConnection;
  const made = [];
  const tones = [];
  const insertDTMF = RTCDTMFSender.prototype.insertDTMF;
  RTCDTMFSender.prototype.insertDTMF = function (text, ...rest) {
    tones.push(text);
    return insertDTMF.call(this, text, ...rest);
  };
  window.__testDtmfTones = tones;
  window.RTCPeerConnection = class extends Native {
    constructor(configuration) {
      super(configuration);
      made.push(this);
    }
  };
  window.__testAudioTotals = async () => {
    const connection = made.at(-1);
    const totals = { received: 0, sent: 0, signalingState: connection ? connection.signalingState : 'none' };
    if (!connection || connection.signalingState === 'closed') return totals;
    (await connection.getStats()).forEach((report) => {
      if (report.kind !== 'audio') return;
      if (report.type === 'inbound-rtp') totals.received += report.packetsReceived || 0;
      if (report.type === 'outbound-rtp') totals.sent += report.packetsSent || 0;
    });
    return totals;
  };
})();
`;

export async function recordPeerConnections(page: Page): Promise<void> {
  await page.addInitScript({ content: RECORDER });
}

/** Audio packets received and sent on the agent's most recent connection. */
export function agentTotals(page: Page): Promise<AudioTotals> {
  return page.evaluate('window.__testAudioTotals()') as Promise<AudioTotals>;
}

/** Keypad tones the agent's page put into the audio (RFC 4733) through RTCDTMFSender. */
export function agentDtmfTones(page: Page): Promise<string[]> {
  return page.evaluate('window.__testDtmfTones') as Promise<string[]>;
}
