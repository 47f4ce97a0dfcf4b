/**
 * Journals a realistic week for an agent on a real journal, with unique canary strings in every
 * field that must never leave the PC: caller names and numbers, Call-IDs, notes and tags.
 */
import type Database from 'better-sqlite3';

import { extendBreak, finishBreak, startBreak } from '../../../../main/journal/breaks';
import { endCall, insertCall, markAnswered } from '../../../../main/journal/calls';
import { addMark, undoMark, type MarkOfCall } from '../../../../main/journal/marks';
import { addReflection } from '../../../../main/journal/reflections';
import { addWarning, endWarning } from '../../../../main/journal/warnings';

export const CANARIES = {
  callerName: 'Canary-Caller-Name-q7Zx',
  callerNumber: '+97250CANARY4821',
  callId: 'canary-call-id-Vb91@pbx',
  note: 'canary-private-note-felt-R2d',
  thought: 'canary-private-thought-K8w',
  tag: 'canary-tag-Jm3',
} as const;

/** What the week below must add up to, as payload v2 says it. */
export const EXPECTED_FIGURES = {
  callsHandled: 3,
  abusiveMarks: {
    total: 2,
    byCategory: { shouting: 1, insults: 1, threats: 1, harassment: 0, 'sexual-harassment': 0, other: 0 },
  },
  proudMarks: 1,
  breaks: { taken: 3, minutes: 4.3, extended: 1, endedEarly: 1 },
  reflectionsCompleted: 3,
  medianMoodAfterBreak: 3,
  /** A warning and a final one in the first call, a stopped one in the second; the failed one not. */
  warningsPlayed: 3,
};

const MINUTE = 60_000;

/** Writes the week that starts at `start` (a Monday 00:00), plus one call in the week before. */
export function journalWeek(db: Database.Database, start: number): void {
  let serial = 0;
  const call = (at: number, answered: boolean) => {
    serial += 1;
    const id = insertCall(db, {
      direction: 'inbound',
      remoteUri: `sip:${CANARIES.callerNumber}@pbx.example`,
      remoteDisplayName: `${CANARIES.callerName} ${serial}`,
      sipCallId: `${CANARIES.callId}-${serial}`,
      startedAt: at,
    });
    if (answered) markAnswered(db, id, at + 2_000);
    endCall(db, id, { endedAt: at + 4 * MINUTE, endReason: 'remote-hangup', sipStatus: null });
    return id;
  };
  const mark = (callId: number, entry: MarkOfCall) =>
    addMark(db, { ...entry, callId } as Parameters<typeof addMark>[1]);
  const breakAfter = (
    callId: number | null,
    at: number,
    seconds: number,
    how: Parameters<typeof finishBreak>[3],
  ) => {
    const id = startBreak(db, {
      callId,
      trigger: callId ? 'abusive-call' : 'manual',
      startedAt: at,
      plannedSeconds: 90,
    });
    if (how === 'extended-and-completed') extendBreak(db, id, 150, 60);
    finishBreak(db, id, seconds, how);
    return id;
  };
  const reflect = (breakId: number | null, callId: number | null, at: number, mood: number) =>
    addReflection(db, {
      breakId,
      callId,
      createdAt: at,
      mood,
      difficulty: 4,
      notAboutMe: 3,
      privateNote: `${CANARIES.note} ${mood}`,
      privateThought: CANARIES.thought,
      wantsFollowUp: true,
      tags: [CANARIES.tag, `${CANARIES.tag}-${mood}`],
    });

  const day = (n: number, hour: number) => start + n * 24 * 60 * MINUTE + hour * 60 * MINUTE;
  const first = call(day(0, 9), true);
  mark(first, {
    kind: 'abusive',
    severity: 3,
    categories: ['shouting', 'insults'],
    createdAt: day(0, 9) + 5 * MINUTE,
  });
  const firstBreak = breakAfter(first, day(0, 9) + 6 * MINUTE, 120, 'extended-and-completed');
  reflect(firstBreak, first, day(0, 9) + 9 * MINUTE, 2);

  const warning = (
    callId: number,
    kind: 'warning' | 'final',
    at: number,
    outcome: 'played' | 'stopped' | 'failed',
  ) =>
    endWarning(db, addWarning(db, { callId, kind, source: 'built-in', startedAt: at }), outcome, at + 1_000);
  warning(first, 'warning', day(0, 9) + 2 * MINUTE, 'played');
  warning(first, 'final', day(0, 9) + 3 * MINUTE, 'played');

  const second = call(day(2, 14), true);
  warning(second, 'warning', day(2, 14) + MINUTE, 'failed');
  warning(second, 'warning', day(2, 14) + 2 * MINUTE, 'stopped');
  mark(second, { kind: 'abusive', severity: 2, categories: ['threats'], createdAt: day(2, 14) + 5 * MINUTE });
  const secondBreak = breakAfter(second, day(2, 14) + 6 * MINUTE, 45, 'ended-early');
  reflect(secondBreak, second, day(2, 14) + 8 * MINUTE, 4);

  const third = call(day(3, 11), true);
  mark(third, { kind: 'proud', createdAt: day(3, 11) + 5 * MINUTE });
  const undone = mark(third, { kind: 'proud', createdAt: day(3, 11) + 6 * MINUTE });
  undoMark(db, undone, day(3, 11) + 6 * MINUTE + 1_000);

  call(day(4, 10), false);
  breakAfter(null, day(4, 12), 90, 'completed');
  // A reflection without a break counts as completed but not in the mood after a break.
  reflect(null, null, day(4, 13), 5);

  // The week before: none of it may count.
  const before = call(start - 60 * MINUTE, true);
  mark(before, { kind: 'abusive', severity: 1, categories: ['other'], createdAt: start - 55 * MINUTE });
  warning(before, 'final', start - 58 * MINUTE, 'played');
  reflect(breakAfter(before, start - 50 * MINUTE, 300, 'completed'), before, start - 40 * MINUTE, 1);
}
