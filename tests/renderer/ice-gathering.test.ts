/**
 * The bound on ICE gathering, with a TEST DOUBLE of the peer connection (jsdom has no WebRTC; the
 * real one gathers in tests/e2e/call-audio.test.ts): a STUN or TURN server that never answers must
 * not hold up the call's SDP beyond the limit.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ICE_GATHERING_LIMIT_MS, iceGatheringDone } from '../../renderer/src/media/ice-gathering';

class GatheringDouble extends EventTarget {
  iceGatheringState: RTCIceGatheringState = 'gathering';

  finish() {
    this.iceGatheringState = 'complete';
    this.dispatchEvent(new Event('icegatheringstatechange'));
  }
}

const asConnection = (double: GatheringDouble) => double as unknown as RTCPeerConnection;

afterEach(() => vi.useRealTimers());

describe('ICE gathering', () => {
  it('is done as soon as gathering completes', async () => {
    const connection = new GatheringDouble();
    let done = false;
    const waiting = iceGatheringDone(asConnection(connection)).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    connection.finish();
    await waiting;
    expect(done).toBe(true);
  });

  it('stops waiting at the limit when gathering never completes (an unreachable STUN server)', async () => {
    vi.useFakeTimers();
    let done = false;
    const waiting = iceGatheringDone(asConnection(new GatheringDouble())).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(ICE_GATHERING_LIMIT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });

  it('does not wait when gathering had already completed', async () => {
    const connection = new GatheringDouble();
    connection.iceGatheringState = 'complete';
    await expect(iceGatheringDone(asConnection(connection))).resolves.toBeUndefined();
  });
});

describe('ICE gathering for a call prepared while ringing', () => {
  class PreparedDouble extends GatheringDouble {
    localDescription: { sdp: string } | null = { sdp: 'v=0\r\n' };
    candidate() {
      this.localDescription = { sdp: 'v=0\r\na=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host\r\n' };
      this.dispatchEvent(new Event('icecandidate'));
    }
  }

  it('answers with the candidates it has once gathering has run its full second, not waiting again', async () => {
    vi.useFakeTimers();
    const connection = new PreparedDouble();
    connection.candidate();
    let done = false;
    void iceGatheringDone(asConnection(connection), ICE_GATHERING_LIMIT_MS, Date.now() - 1).then(
      () => (done = true),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('still waits when no candidate has been found yet, up to the limit', async () => {
    vi.useFakeTimers();
    const connection = new PreparedDouble();
    let done = false;
    void iceGatheringDone(asConnection(connection), ICE_GATHERING_LIMIT_MS, Date.now() - 1).then(
      () => (done = true),
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toBe(false);
    connection.candidate();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('waits for completion or the limit while the ringing time has not yet run a full second', async () => {
    vi.useFakeTimers();
    const connection = new PreparedDouble();
    connection.candidate();
    let done = false;
    void iceGatheringDone(asConnection(connection), ICE_GATHERING_LIMIT_MS, Date.now() + 600).then(
      () => (done = true),
    );
    await vi.advanceTimersByTimeAsync(599);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
