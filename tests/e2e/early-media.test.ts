/**
 * Early media end to end: the agent calls sipp (plain RTP, echoing every packet) through Kamailio
 * and rtpengine; sipp answers 183 with SDP and only 10 s later 200. While the call still shows
 * "Ringing at the other end…", the window has applied the early answer: the agent's audio reaches
 * sipp and comes back (packets received rise before the answer), as a ringback tone or an
 * announcement would be heard.
 */
import { describe, expect, it } from 'vitest';

import { freePorts } from '../node/phone/support/ports';
import { runSipp, scenario } from '../node/phone/support/sipp';

import { expectRising, WAIT } from './support/agent';
import { agentTotals } from './support/peer-connections';
import { useWorld } from './support/world';

const world = useWorld({ name: 'early-media', rtpengine: true });

describe('early media (183 with SDP)', () => {
  it('plays the far end’s audio before the call is answered', async () => {
    const [sipPort = 0, mediaPort = 0] = await freePorts(2);
    const sipp = runSipp(
      ['-sf', scenario('callee-early-media-long.xml'), '-i', '127.0.0.1', '-p', String(sipPort)].concat([
        ...['-m', '1', '-mp', String(mediaPort), '-rtp_echo', '-timeout', '40s'],
      ]),
      45_000,
    );
    const number = world.agent.getByLabel('Number to call');
    await number.fill(`sip:early@127.0.0.1:${sipPort}`);
    await number.press('Enter');
    const inCall = world.agent.getByTestId('in-call');
    await expect.poll(() => inCall.textContent(), WAIT).toContain('Ringing at the other end');
    await expectRising(() => agentTotals(world.agent), 'received');
    // Still before the 200: the audio came with the 183.
    expect(await inCall.textContent()).toContain('Ringing at the other end');
    await expect.poll(() => inCall.textContent(), WAIT).toContain('Connected');
    await inCall.getByRole('button', { name: 'Hang up' }).click();
    const result = await sipp.done;
    expect(result.exitCode, result.output).toBe(0);
  });
});
