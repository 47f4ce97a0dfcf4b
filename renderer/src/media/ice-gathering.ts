/**
 * Waits for ICE candidates after setLocalDescription, but never for long: a STUN or TURN server
 * that cannot be reached would otherwise hold the SIP offer or answer for tens of seconds. The
 * candidates found by then (host candidates come at once) go into the SDP.
 */
export const ICE_GATHERING_LIMIT_MS = 1_000;

export function iceGatheringDone(
  connection: RTCPeerConnection,
  limitMs = ICE_GATHERING_LIMIT_MS,
): Promise<void> {
  if (connection.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      connection.removeEventListener('icegatheringstatechange', onChange);
      resolve();
    };
    const onChange = () => {
      if (connection.iceGatheringState === 'complete') finish();
    };
    const timer = setTimeout(finish, limitMs);
    connection.addEventListener('icegatheringstatechange', onChange);
  });
}
