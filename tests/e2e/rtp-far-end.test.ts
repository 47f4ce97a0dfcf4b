/**
 * A far end without WebRTC: the agent calls sipp (plain RTP/AVP, PCMU, echoing every RTP packet
 * back) through Kamailio with a real rtpengine (userspace) bridging WebRTC (ICE, DTLS-SRTP,
 * rtcp-mux) to plain RTP. The agent's audio must come back: packets rise both ways.
 */
import { describe, expect, it } from 'vitest';

import { freePorts } from '../node/phone/support/ports';
import { runSipp, scenario } from '../node/phone/support/sipp';

import { expectRising, WAIT } from './support/agent';
import { screenshot } from './support/chromium';
import { agentTotals } from './support/peer-connections';
import { useWorld } from './support/world';

const world = useWorld({ name: 'rtp', rtpengine: true });

describe('a far end with plain RTP, through rtpengine', () => {
  it('connects the agent’s WebRTC audio to sipp’s RTP echo, both ways, and hangs up cleanly', async () => {
    const [sipPort = 0, mediaPort = 0] = await freePorts(2);
    const sipp = runSipp(
      ['-sf', scenario('callee.xml'), '-i', '127.0.0.1', '-p', String(sipPort), '-m', '1'].concat([
        '-mp',
        String(mediaPort),
        '-rtp_echo',
        '-timeout',
        '40s',
      ]),
      45_000,
    );
    const number = world.agent.getByLabel('Number to call');
    await number.fill(`sip:echo@127.0.0.1:${sipPort}`);
    await number.press('Enter');
    const inCall = world.agent.getByTestId('in-call');
    await expect.poll(() => inCall.textContent(), WAIT).toContain('Connected');
    const read = () => agentTotals(world.agent);
    await expectRising(read, 'sent');
    await expectRising(read, 'received');
    await screenshot(world.agent, 'en-50-rtp-far-end');

    await inCall.getByRole('button', { name: 'Hang up' }).click();
    const result = await sipp.done;
    expect(result.exitCode, result.output).toBe(0);
    expect(world.rtpengine?.output()).toMatch(/DTLS-SRTP successfully negotiated/);
  });
});
