/**
 * The torture suite: a rogue SIP-over-WebSocket registrar of our own sends a registered Steadyline
 * engine malformed and unusual messages (RFC 4475's categories, floods, oversize input). For each:
 * the exact answer or the drop, the engine alive and registered with nothing thrown, and a valid
 * call ringing right after. The last test prints the counts (answered / dropped / crashed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Outcome, TortureCase } from './case';
import { floodCases } from './cases-flood';
import { parserCases } from './cases-parser';
import { scalarCases } from './cases-scalars';
import { semanticCases } from './cases-semantics';
import { fullCallWorks, startRogue, validCallWorks, type Rogue } from './rogue';

const cases: TortureCase[] = [...parserCases, ...semanticCases, ...scalarCases, ...floodCases];
const counts = { answered: 0, dropped: 0, crashed: 0 };
let rogue: Rogue;
let uncaught = 0;
const countUncaught = () => (uncaught += 1);
const thrownInEngine = () =>
  rogue.log.lines().filter((line) => line.includes('made the phone engine throw')).length;

beforeAll(async () => {
  process.on('uncaughtExceptionMonitor', countUncaught);
  rogue = await startRogue();
});

afterAll(async () => {
  process.off('uncaughtExceptionMonitor', countUncaught);
  await rogue.close();
});

async function run(torture: TortureCase, id: string): Promise<Outcome> {
  if (torture.script) return torture.script(rogue, id);
  const { messages, expected } = torture;
  if (!messages || !expected) throw new Error(`case "${torture.name}" has neither a script nor messages`);
  const texts = messages(id);
  rogue.send(...texts);
  if (expected === 'drop') {
    await rogue.expectDropped(id);
    return 'dropped';
  }
  if (expected === 'rings') {
    await rogue.ringThenDecline(id, texts[0] ?? '');
    return 'answered';
  }
  const answer = await rogue.answerTo(id);
  expect(answer.text.split('\r\n')[0]).toMatch(new RegExp(`^SIP/2\\.0 ${expected.status} `));
  if (expected.header) expect(answer.text).toMatch(expected.header);
  return 'answered';
}

describe('the torture suite: a rogue registrar against a registered engine', () => {
  cases.forEach((torture, index) => {
    it(`${torture.category}: ${torture.name}`, async () => {
      const id = `t${index}`;
      const thrownBefore = thrownInEngine();
      let outcome: Outcome;
      try {
        outcome = await run(torture, id);
      } finally {
        if (thrownInEngine() > thrownBefore || uncaught > 0) counts.crashed += 1;
      }
      counts[outcome] += 1;
      expect(thrownInEngine()).toBe(thrownBefore);
      expect(rogue.phone.phone.registration().state).toBe('registered');
      await validCallWorks(rogue, `${id}-valid`);
    });
  });

  it('after all of it, a whole call: answered, confirmed, hung up by the caller', async () => {
    await fullCallWorks(rogue, 'after-all');
    expect(rogue.phone.phone.liveCalls()).toBe(0);
  });

  it('counts: every case answered or dropped, none crashed', () => {
    const total = counts.answered + counts.dropped + counts.crashed;
    console.log(
      `torture suite: ${cases.length} cases: answered ${counts.answered} / dropped ${counts.dropped} / crashed ${counts.crashed}`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(total).toBe(cases.length);
    expect(counts.crashed).toBe(0);
    expect(uncaught).toBe(0);
  });
});
