/**
 * A mark is the call's state, not an action: marking a call again changes its mark, one call
 * starts at most one break, and repeated abuse counts calls, not marks. After a break the phone
 * stays paused as wrap-up while the reflection is open, up to the policy's ceiling.
 */
import { describe, expect, it } from 'vitest';

import { marksForCall } from '../../../main/journal/marks';

import { activeOf, policyWith, reflectionOf, startHarness } from './support/recovery-harness';

const SECOND = 1000;
const abusive = (callId: string, severity: 1 | 2 | 3 = 2) => ({
  callId,
  kind: 'abusive' as const,
  severity,
  categories: [],
});

describe('marks are state', () => {
  it('marking a marked call again changes its mark and never starts a second break', async () => {
    const h = startHarness();
    const call = h.connect('call-1');
    h.recovery.mark(abusive(call.id, 1));
    h.hangUp(call);
    const first = activeOf(h.recovery.state());
    await h.clock.advance(90 * SECOND);
    h.recovery.skipReflection();
    expect(h.recovery.state().active).toBeNull();

    // Past the undo window, the agent changes the mark's severity: no new break.
    const changed = h.recovery.mark(abusive(call.id, 3));
    expect(h.recovery.state()).toMatchObject({ active: null, scheduled: null });
    const marks = marksForCall(h.journal.db, first.callId ?? 0);
    expect(marks.filter((mark) => mark.undoneAt === null)).toEqual([
      expect.objectContaining({ id: changed.markId, kind: 'abusive', severity: 3 }),
    ]);
    expect(marks).toHaveLength(2);
    expect(h.phone.last?.availability).toBe('available');
  });

  it('records no severity when the agent chose none', () => {
    const h = startHarness();
    const call = h.connect('call-1');
    h.recovery.mark({ callId: call.id, kind: 'abusive', categories: ['insults'] });
    const [mark] = marksForCall(h.journal.db, call.journalId);
    expect(mark).toMatchObject({ kind: 'abusive', severity: null, categories: ['insults'] });
  });

  it('a mark changed to proud before the call ends drops the break it asked for', () => {
    const h = startHarness();
    const call = h.connect('call-1');
    h.recovery.mark(abusive(call.id));
    expect(h.recovery.state().scheduled).not.toBeNull();
    h.recovery.mark({ callId: call.id, kind: 'proud' });
    expect(h.recovery.state().scheduled).toBeNull();
    h.hangUp(call);
    expect(h.recovery.state().active).toBeNull();
    expect(h.phone.calls).toEqual([]);
  });

  it('a mark undone with its break may be marked again, which starts the break then', async () => {
    const h = startHarness();
    const call = h.connect('call-1');
    h.hangUp(call);
    const receipt = h.recovery.mark(abusive(call.id));
    expect(h.recovery.state().active).not.toBeNull();
    h.recovery.undoMark(receipt.markId);
    expect(h.recovery.state().active).toBeNull();
    await h.clock.advance(20 * SECOND);
    h.recovery.mark(abusive(call.id));
    expect(h.recovery.state().active).toMatchObject({ trigger: 'abusive-call' });
  });

  it('counts calls for the longer-break suggestion: two calls marked three times are two', async () => {
    const h = startHarness(
      policyWith({ repeatedAbuse: { marks: 3, withinMinutes: 60, suggestedBreakSeconds: 300 } }),
    );
    const first = h.connect('a');
    h.recovery.mark(abusive(first.id, 1));
    h.recovery.mark(abusive(first.id, 2));
    h.hangUp(first);
    await h.clock.advance(10 * 60 * SECOND);
    const second = h.connect('b');
    h.recovery.mark(abusive(second.id));
    expect(h.recovery.state().suggestLonger).toBeNull();
    h.hangUp(second);
    await h.clock.advance(10 * 60 * SECOND);
    const third = h.connect('c');
    h.recovery.mark(abusive(third.id));
    expect(h.recovery.state().suggestLonger).toEqual({ marks: 3, seconds: 300 });
  });
});

describe('wrap-up after a break', () => {
  it('keeps the phone paused while the reflection is open, until the ceiling; the reflection stays on offer', async () => {
    const h = startHarness(policyWith({ defaultBreakSeconds: 90, maximumBreakSeconds: 300 }));
    const { id } = activeOf(h.recovery.startManual());
    await h.clock.advance(90 * SECOND);
    expect(h.phone.last).toEqual({ availability: 'break', retryAfterSeconds: 210 });
    await h.clock.advance(209 * SECOND);
    expect(h.phone.last?.availability).toBe('break');
    await h.clock.advance(1 * SECOND);
    expect(h.phone.last).toEqual({ availability: 'available', retryAfterSeconds: undefined });
    expect(reflectionOf(h.recovery.state()).breakId).toBe(id);
  });

  it('ends when the reflection is saved', async () => {
    const h = startHarness();
    const { id } = activeOf(h.recovery.startManual());
    await h.clock.advance(90 * SECOND);
    expect(h.phone.last?.availability).toBe('break');
    h.recovery.saveReflection({
      breakId: id,
      mood: 3,
      difficulty: 2,
      notAboutMe: null,
      felt: '',
      thought: '',
      helped: [],
      talkToLead: false,
    });
    expect(h.phone.last?.availability).toBe('available');
    const count = h.phone.calls.length;
    await h.clock.advance(600 * SECOND);
    expect(h.phone.calls).toHaveLength(count);
  });

  it('is none when the break itself reached the ceiling', async () => {
    const h = startHarness(
      policyWith({ defaultBreakSeconds: 60, maximumBreakSeconds: 120, extendBySeconds: 60 }),
    );
    h.recovery.startManual();
    h.recovery.extend();
    await h.clock.advance(120 * SECOND);
    expect(h.phone.last).toEqual({ availability: 'available', retryAfterSeconds: undefined });
    expect(h.recovery.state().reflection).not.toBeNull();
  });

  it('gives way to a new break without releasing the phone in between', async () => {
    const h = startHarness();
    h.recovery.startManual();
    await h.clock.advance(90 * SECOND);
    h.recovery.startManual();
    await h.clock.advance(600 * SECOND);
    const availabilities = h.phone.calls.map((call) => call.availability);
    expect(availabilities.slice(0, 3)).toEqual(['break', 'break', 'break']);
  });
});
