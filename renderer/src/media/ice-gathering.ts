/**
 * Waits for ICE candidates after setLocalDescription, but never for long: a STUN or TURN server
 * that cannot be reached would otherwise hold the SIP offer or answer for tens of seconds. The
 * candidates found by then (host candidates come at once) go into the SDP.
 *
 * A call prepared while it rang began gathering then (a candidate pool): once `enoughAt` has
 * passed, any candidate gathered so far is enough, so answering does not wait again for a
 * server that never answered while the phone was ringing.
 */
export const ICE_GATHERING_LIMIT_MS = 1_000;

const hasCandidate = (connection: RTCPeerConnection) =>
  /^a=candidate:/m.test(connection.localDescription?.sdp ?? '');

export function iceGatheringDone(
  connection: RTCPeerConnection,
  limitMs = ICE_GATHERING_LIMIT_MS,
  enoughAt = Number.POSITIVE_INFINITY,
): Promise<void> {
  if (connection.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const finish = () => {
      timers.forEach((timer) => clearTimeout(timer));
      connection.removeEventListener('icegatheringstatechange', check);
      connection.removeEventListener('icecandidate', check);
      resolve();
    };
    function check() {
      const enough = Date.now() >= enoughAt && hasCandidate(connection);
      if (connection.iceGatheringState === 'complete' || enough) finish();
    }
    timers.push(setTimeout(finish, limitMs));
    if (Number.isFinite(enoughAt)) timers.push(setTimeout(check, Math.max(0, enoughAt - Date.now())));
    connection.addEventListener('icegatheringstatechange', check);
    connection.addEventListener('icecandidate', check);
    check();
  });
}
