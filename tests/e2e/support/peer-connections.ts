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
  window.__testConnectionCount = () => made.length;
  window.RTCPeerConnection = class extends Native {
    constructor(configuration) {
      super(configuration);
      made.push(this);
    }
  };
  // Each live call's audio: the microphone its sender carries and where its <audio> plays.
  window.__testAudioRouting = () => {
    const live = made.filter((connection) => connection.signalingState !== 'closed');
    return {
      microphones: live.map((connection) => {
        const sender = connection.getSenders().find((candidate) => candidate.track);
        return sender ? sender.track.getSettings().deviceId : null;
      }),
      sinks: [...document.querySelectorAll('audio')].filter((audio) => audio.srcObject).map((audio) => audio.sinkId),
    };
  };
  const totalsOf = async (connection) => {
    const totals = { received: 0, sent: 0, signalingState: connection ? connection.signalingState : 'none' };
    if (!connection || connection.signalingState === 'closed') return totals;
    (await connection.getStats()).forEach((report) => {
      if (report.kind !== 'audio') return;
      if (report.type === 'inbound-rtp') totals.received += report.packetsReceived || 0;
      if (report.type === 'outbound-rtp') totals.sent += report.packetsSent || 0;
    });
    return totals;
  };
  window.__testCallTotals = (index) => totalsOf(made[index]);
  window.__testAudioTotals = () => totalsOf(made.at(-1));
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

/** Audio packets of the agent's n-th connection (0 = the first call of the page). */
export function agentCallTotals(page: Page, index: number): Promise<AudioTotals> {
  return page.evaluate(`window.__testCallTotals(${index})`) as Promise<AudioTotals>;
}

/** How many connections the agent's page has made so far. */
export function agentConnectionCount(page: Page): Promise<number> {
  return page.evaluate('window.__testConnectionCount()') as Promise<number>;
}

export interface AudioRouting {
  /** The capture device id each live call sends. */
  microphones: Array<string | null>;
  /** The output device id of each playing <audio> element. */
  sinks: string[];
}

export function agentAudioRouting(page: Page): Promise<AudioRouting> {
  return page.evaluate('window.__testAudioRouting()') as Promise<AudioRouting>;
}
