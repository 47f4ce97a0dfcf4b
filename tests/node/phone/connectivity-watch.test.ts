/** Noticing sleep and network changes, with a fake clock and a scripted list of addresses. */
import { describe, expect, it } from 'vitest';

import {
  externalAddresses,
  watchConnectivity,
  type ConnectivityChange,
} from '../../../main/phone/connectivity-watch';
import { FakeClock } from '../../support/fake-clock';

function start(addresses = { value: '10.0.0.5' }) {
  const clock = new FakeClock();
  const changes: ConnectivityChange[] = [];
  const watch = watchConnectivity({
    clock,
    onChange: (change) => changes.push(change),
    networkFingerprint: () => addresses.value,
    intervalMs: 5_000,
  });
  return { clock, changes, addresses, watch };
}

describe('connectivity watch', () => {
  it('says nothing while time passes normally and the addresses stay', async () => {
    const { clock, changes, watch } = start();
    await clock.advance(60_000);
    expect(changes).toEqual([]);
    watch.stop();
  });

  it('reports a network change once, at the next tick', async () => {
    const { clock, changes, addresses, watch } = start();
    await clock.advance(5_000);
    addresses.value = '192.0.2.7';
    await clock.advance(5_000);
    await clock.advance(20_000);
    expect(changes).toEqual(['network-changed']);
    watch.stop();
  });

  it('reports waking from sleep when a tick comes far later than due', async () => {
    const { clock, changes, watch } = start();
    await clock.advance(5_000);
    // The process was frozen: the next timer fires 10 minutes late.
    clock.jump(10 * 60_000);
    await clock.advance(5_000);
    expect(changes).toEqual(['resumed']);
    watch.stop();
  });

  it('leaves no timer once stopped', async () => {
    const { clock, watch } = start();
    await clock.advance(12_000);
    watch.stop();
    expect(clock.pending).toBe(0);
  });

  it("reads this machine's addresses without the loopback ones", () => {
    expect(externalAddresses()).not.toMatch(/(^|,)(127\.0\.0\.1|::1)(,|$)/);
  });
});
