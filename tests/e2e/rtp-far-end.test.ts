/**
 * A far end without WebRTC: the agent calls sipp (plain RTP/AVP, PCMU, echoing every RTP packet
 * back) through Kamailio with a real rtpengine (userspace) bridging WebRTC (ICE, DTLS-SRTP,
 * rtcp-mux) to plain RTP. The agent's audio must come back: packets rise both ways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createKamailio, type Kamailio } from '../node/phone/support/kamailio';
import { freePorts } from '../node/phone/support/ports';
import { runSipp, scenario } from '../node/phone/support/sipp';

import { expectRising, MEDIA_FLAGS, openAgent, WAIT } from './support/agent';
import { launchChromium, screenshot, type LaunchedBrowser } from './support/chromium';
import { agentTotals } from './support/peer-connections';
import { startPreviewProcess, type PreviewProcess } from './support/preview-process';
import { startRtpengine, type Rtpengine } from './support/rtpengine';

let rtpengine: Rtpengine;
let kamailio: Kamailio;
let chromium: LaunchedBrowser;
let preview: PreviewProcess;
let dataDir: string;
let agent: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-e2e-rtp-'));
  rtpengine = await startRtpengine();
  kamailio = await createKamailio({ rtpengineNgPort: rtpengine.ngPort });
  await kamailio.start();
  chromium = await launchChromium(MEDIA_FLAGS);
  preview = await startPreviewProcess(dataDir);
  agent = await openAgent(chromium, preview.url, kamailio.wsUrl);
});

afterAll(async () => {
  await preview?.stop();
  await chromium?.close();
  await kamailio?.stop();
  await rtpengine?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

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
    const number = agent.getByLabel('Number to call');
    await number.fill(`sip:echo@127.0.0.1:${sipPort}`);
    await number.press('Enter');
    const inCall = agent.getByTestId('in-call');
    await expect.poll(() => inCall.textContent(), WAIT).toContain('Connected');
    const read = () => agentTotals(agent);
    await expectRising(read, 'sent');
    await expectRising(read, 'received');
    await screenshot(agent, 'en-50-rtp-far-end');

    await inCall.getByRole('button', { name: 'Hang up' }).click();
    const result = await sipp.done;
    expect(result.exitCode, result.output).toBe(0);
    expect(rtpengine.output()).toMatch(/DTLS-SRTP successfully negotiated/);
  });
});
