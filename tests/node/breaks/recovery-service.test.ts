/**
 * Break policy with a fake clock on a real journal file and settings file: an abusive mark starts
 * a break when the call ends (never during it), floor and ceiling, extend, end early, manual
 * breaks one at a time, do-not-disturb kept, undo, the marking window, repeated abuse, reflection,
 * and a restart in the middle of a break resuming the time left.
 */
import { describe, expect, it } from 'vitest';

import { getBreak } from '../../../main/journal/breaks';
import { marksForCall } from '../../../main/journal/marks';
import { tagsOfReflection } from '../../../main/journal/reflections';

import { activeOf, policyWith, reflectionOf, startHarness } from './support/recovery-harness';

const SECOND = 1000;
const abusive = (callId: string) => ({
  callId,
  kind: 'abusive' as const,
  severity: 2 as const,
  categories: [],
});

describe('an abusive call', () => {
  it('starts a 90 s break when the call ends, not before; the phone refuses calls until it ends', async () => {
    const h = startHarness();
    const call = h.connect('call-1');
    const receipt = h.recovery.mark({
      callId: call.id,
      kind: 'abusive',
      severity: 3,
      categories: ['shouting', 'threats'],
    });
    expect(receipt.undoUntil).toBe(h.clock.now() + 10 * SECOND);
    expect(h.recovery.state()).toMatchObject({
      active: null,
      scheduled: { trigger: 'abusive-call', seconds: 90 },
    });
    expect(h.phone.calls).toEqual([]);

    await h.clock.advance(20 * SECOND);
    h.hangUp(call);
    const active = activeOf(h.recovery.state());
    expect(active).toMatchObject({ trigger: 'abusive-call', endsAt: h.clock.now() + 90 * SECOND });
    expect(h.phone.last).toEqual({ availability: 'break', retryAfterSeconds: 90 });
    const [mark] = marksForCall(h.journal.db, active.callId ?? 0);
    expect(mark).toMatchObject({ kind: 'abusive', severity: 3, categories: ['shouting', 'threats'] });

    await h.clock.advance(89 * SECOND);
    expect(h.recovery.state().active).not.toBeNull();
    await h.clock.advance(1 * SECOND);
    expect(h.recovery.state()).toMatchObject({
      active: null,
      reflection: { breakId: active.id, callId: active.callId },
    });
    // Wrap-up: paused while the agent is in the reflection, up to the 600 s ceiling from the start.
    expect(h.phone.last).toEqual({ availability: 'break', retryAfterSeconds: 510 });
    h.recovery.skipReflection();
    expect(h.phone.last).toEqual({ availability: 'available', retryAfterSeconds: undefined });
    expect(getBreak(h.journal.db, active.id)).toMatchObject({
      plannedSeconds: 90,
      actualSeconds: 90,
      endedHow: 'completed',
    });
  });

  it('marked after hang-up (within the window) starts the break at once; later than the window is refused', async () => {
    const h = startHarness(policyWith({ markWindowMinutes: 2 }));
    const first = h.connect('call-1');
    h.hangUp(first);
    await h.clock.advance(119 * SECOND);
    h.recovery.mark(abusive(first.id));
    expect(h.recovery.state().active).toMatchObject({ trigger: 'abusive-call' });
    await h.clock.advance(90 * SECOND);

    const second = h.connect('call-2');
    h.hangUp(second);
    await h.clock.advance(121 * SECOND);
    expect(() => h.recovery.mark(abusive(second.id))).toThrow(
      'Calls can be marked up to 2 minutes after they end.',
    );
    expect(() => h.recovery.mark({ callId: 'never-seen', kind: 'proud' })).toThrow(
      'That call can no longer be marked.',
    );
  });

  it('can be undone within 10 s, which cancels its break; not after', async () => {
    const h = startHarness();
    const call = h.connect('call-1');
    const receipt = h.recovery.mark(abusive(call.id));
    await h.clock.advance(10 * SECOND);
    h.recovery.undoMark(receipt.markId);
    h.hangUp(call);
    expect(h.recovery.state()).toMatchObject({ active: null, scheduled: null });
    expect(marksForCall(h.journal.db, 1)[0]?.undoneAt).toBe(h.clock.now());

    const later = h.connect('call-2');
    const second = h.recovery.mark(abusive(later.id));
    await h.clock.advance(10 * SECOND + 1);
    expect(() => h.recovery.undoMark(second.markId)).toThrow('A mark can be undone only within 10 seconds.');
  });

  it('a call marked after hang-up and undone ends the break it started, without a reflection', async () => {
    const h = startHarness();
    const call = h.connect('call-1');
    h.hangUp(call);
    const receipt = h.recovery.mark(abusive(call.id));
    expect(h.recovery.state().active).not.toBeNull();
    await h.clock.advance(3 * SECOND);
    h.recovery.undoMark(receipt.markId);
    expect(h.recovery.state()).toMatchObject({ active: null, reflection: null });
    expect(h.phone.last?.availability).toBe('available');
  });

  it('a proud mark never starts a break', () => {
    const h = startHarness();
    const call = h.connect('call-1');
    h.recovery.mark({ callId: call.id, kind: 'proud' });
    h.hangUp(call);
    expect(h.recovery.state()).toMatchObject({ active: null, scheduled: null });
    expect(marksForCall(h.journal.db, 1)).toMatchObject([{ kind: 'proud', severity: null }]);
  });
});

describe('the break', () => {
  it('cannot end before the floor, can after; extends by 60 s up to the ceiling', async () => {
    const h = startHarness(policyWith({ minimumBreakSeconds: 30, maximumBreakSeconds: 200 }));
    h.recovery.startManual();
    const started = activeOf(h.recovery.state());
    await h.clock.advance(10 * SECOND);
    expect(() => h.recovery.end()).toThrow('This break can be ended in 20 s (your team’s minimum).');
    expect(h.recovery.extend().active?.endsAt).toBe(started.startedAt + 150 * SECOND);
    expect(h.phone.last).toEqual({ availability: 'break', retryAfterSeconds: 140 });
    expect(h.recovery.extend().active?.endsAt).toBe(started.startedAt + 200 * SECOND);
    expect(() => h.recovery.extend()).toThrow('This break is already as long as your team’s policy allows.');
    expect(getBreak(h.journal.db, started.id)).toMatchObject({ plannedSeconds: 200, extendedSeconds: 110 });

    await h.clock.advance(25 * SECOND);
    h.recovery.end();
    expect(getBreak(h.journal.db, started.id)).toMatchObject({ actualSeconds: 35, endedHow: 'ended-early' });
  });

  it('an extended break that runs out ends as extended-and-completed', async () => {
    const h = startHarness();
    const { id } = activeOf(h.recovery.startManual());
    h.recovery.extend();
    await h.clock.advance(150 * SECOND);
    expect(getBreak(h.journal.db, id)).toMatchObject({
      actualSeconds: 150,
      endedHow: 'extended-and-completed',
    });
  });

  it('one at a time; a manual break asked for during a call waits for the call to end', () => {
    const h = startHarness();
    const call = h.connect('call-1');
    expect(h.recovery.startManual()).toMatchObject({ active: null, scheduled: { trigger: 'manual' } });
    h.hangUp(call);
    expect(h.recovery.state().active).toMatchObject({ trigger: 'manual', callId: null });
    expect(() => h.recovery.startManual()).toThrow('A break is already running.');
  });

  it('goes back to do-not-disturb when the agent had it, and keeps a choice made during the break for after', async () => {
    const h = startHarness();
    h.recovery.chooseAvailability('dnd');
    h.recovery.startManual();
    await h.clock.advance(90 * SECOND);
    h.recovery.skipReflection();
    expect(h.phone.last?.availability).toBe('dnd');

    h.recovery.startManual();
    expect(h.recovery.chooseAvailability('available')).toBe('break');
    expect(h.phone.last?.availability).toBe('break');
    await h.clock.advance(90 * SECOND);
    expect(h.phone.last?.availability).toBe('break');
    h.recovery.skipReflection();
    expect(h.phone.last?.availability).toBe('available');
  });

  it('after three abusive calls within an hour suggests a longer break, which the agent can take', async () => {
    const h = startHarness(
      policyWith({ repeatedAbuse: { marks: 3, withinMinutes: 60, suggestedBreakSeconds: 300 } }),
    );
    for (const handle of ['a', 'b', 'c']) {
      const call = h.connect(handle);
      h.recovery.mark(abusive(call.id));
      h.hangUp(call);
      if (handle !== 'c') await h.clock.advance(10 * 60 * SECOND);
    }
    const state = h.recovery.state();
    expect(state.suggestLonger).toEqual({ marks: 3, seconds: 300 });
    const taken = h.recovery.takeLonger();
    expect(taken.active?.endsAt).toBe(activeOf(state).startedAt + 300 * SECOND);
    expect(taken.suggestLonger).toBeNull();
  });
});

describe('after the break', () => {
  it('saves the reflection linked to the break and the call, with its tags and both notes', async () => {
    const h = startHarness();
    const call = h.connect('call-1');
    h.recovery.mark(abusive(call.id));
    h.hangUp(call);
    await h.clock.advance(90 * SECOND);
    const offered = reflectionOf(h.recovery.state());
    h.recovery.saveReflection({
      breakId: offered.breakId,
      mood: 4,
      difficulty: 5,
      felt: 'Shaken',
      thought: 'He was angry at the bank, not me',
      helped: ['breathing', 'reframe'],
      notAboutMe: 5,
      talkToLead: true,
    });
    expect(h.recovery.state().reflection).toBeNull();
    const row = h.journal.db.prepare('SELECT * FROM reflections').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      break_id: offered.breakId,
      call_id: offered.callId,
      mood: 4,
      difficulty: 5,
      not_about_me: 5,
      private_note: 'Shaken',
      private_thought: 'He was angry at the bank, not me',
      wants_follow_up: 1,
    });
    expect(tagsOfReflection(h.journal.db, row.id as number)).toEqual(['breathing', 'reframe']);
    expect(() =>
      h.recovery.saveReflection({
        breakId: 99,
        mood: 3,
        difficulty: 3,
        felt: '',
        thought: '',
        helped: [],
        notAboutMe: null,
        talkToLead: false,
      }),
    ).toThrow('That break is no longer in your journal.');
  });
});

describe('a restart', () => {
  it('in the middle of a break resumes the time left, with the phone still refusing calls', async () => {
    const h = startHarness();
    h.recovery.chooseAvailability('dnd');
    const { id, endsAt } = activeOf(h.recovery.startManual());
    await h.clock.advance(30 * SECOND);
    const after = h.restart(5 * SECOND);
    expect(after.recovery.state().active).toMatchObject({ id, endsAt });
    expect(after.phone.last).toEqual({ availability: 'break', retryAfterSeconds: 55 });
    await after.clock.advance(55 * SECOND);
    expect(after.recovery.state().active).toBeNull();
    after.recovery.skipReflection();
    expect(after.phone.last?.availability).toBe('dnd');
    expect(getBreak(after.journal.db, id)).toMatchObject({ endedHow: 'completed', actualSeconds: 90 });
  });

  it('after the break would have ended closes it as completed and offers the reflection', () => {
    const h = startHarness();
    const { id } = activeOf(h.recovery.startManual());
    const after = h.restart(10 * 60 * SECOND);
    expect(after.recovery.state()).toMatchObject({ active: null, reflection: { breakId: id } });
    expect(after.phone.last?.availability).toBe('available');
    expect(getBreak(after.journal.db, id)).toMatchObject({ endedHow: 'completed', actualSeconds: 90 });
  });
});

describe('note retention', () => {
  it('erases reflection notes older than the policy’s days at start, keeping the scores', () => {
    const h = startHarness(policyWith({ noteRetentionDays: 30 }));
    const day = 24 * 60 * 60 * SECOND;
    const insert = h.journal.db.prepare(
      'INSERT INTO reflections (created_at, mood, difficulty, private_note, private_thought) VALUES (?, 3, 4, ?, ?)',
    );
    insert.run(h.clock.now() - 31 * day, 'old feeling', 'old thought');
    insert.run(h.clock.now() - 29 * day, 'recent feeling', null);
    const after = h.restart(0);
    const rows = after.journal.db
      .prepare('SELECT mood, private_note, private_thought FROM reflections ORDER BY id')
      .all();
    expect(rows).toEqual([
      { mood: 3, private_note: null, private_thought: null },
      { mood: 3, private_note: 'recent feeling', private_thought: null },
    ]);
  });
});
