/**
 * What the soak reads in the agent's window: live RTCPeerConnections (created and not closed; a
 * closed one is forgotten, so the probe itself keeps nothing alive), the JS heap after a forced
 * GC (CDP), and the calls that rang, through the real bridge (`window.steadyline`).
 */
import type { Page } from 'playwright-core';

// Browser code, kept as text: this project compiles for Node, without the DOM's types.
// e2e's recorder (tests/e2e/support/peer-connections.ts) keeps every connection it saw, which
// would grow the heap over 1,000 calls; this one swaps it for a counter of live ones.
const PROBES = `
(() => {
  let Native = window.RTCPeerConnection;
  while (Object.getPrototypeOf(Native) !== Function.prototype && Native.name !== 'RTCPeerConnection') {
    Native = Object.getPrototypeOf(Native);
  }
  const live = new Set();
  window.RTCPeerConnection = class extends Native {
    constructor(configuration) {
      super(configuration);
      live.add(this);
    }
    close() {
      live.delete(this);
      return super.close();
    }
  };
  window.__soak = { live: () => live.size, ringing: [] };
  window.steadyline.phone.onCall((call) => {
    if (call.direction === 'inbound' && call.state === 'ringing' && !window.__soak.ringing.includes(call.id)) {
      window.__soak.ringing.push(call.id);
    }
  });
})();
`;

export const installProbes = (agent: Page) => agent.evaluate(PROBES);

export const livePeerConnections = (agent: Page) => agent.evaluate('window.__soak.live()') as Promise<number>;

/**
 * Resolves once `expression` (browser code, evaluated in `page`) is true, polling every 50 ms for at
 * most 20 s. Polled from Node: the window's CSP forbids the eval that page.waitForFunction needs.
 */
export async function until(page: Page, expression: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`not true within 20 s: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The id of the `index`-th call that rang (0-based), once it has. */
export async function ringingCall(agent: Page, index: number): Promise<string> {
  await until(agent, `window.__soak.ringing.length > ${index}`);
  return (await agent.evaluate(`window.__soak.ringing[${index}]`)) as string;
}

/** Calls one bridge function in the window and returns its value (throws on `{ ok: false }`). */
export async function bridge(agent: Page, call: string): Promise<unknown> {
  const result = (await agent.evaluate(`window.steadyline.${call}`)) as
    { ok: true; value: unknown } | { ok: false; error: unknown };
  if (!result.ok) throw new Error(`${call}: ${JSON.stringify(result.error)}`);
  return result.value;
}

export async function jsHeapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}
