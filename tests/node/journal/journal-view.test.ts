/**
 * The agent's journal view on a real journal file: the timeline links calls, marks, breaks and
 * reflections; filters; export to CSV (parsed back) and JSON; deleting entries; refused calls
 * stay out of the timeline unless marked.
 */
import { describe, expect, it } from 'vitest';

import { finishBreak, startBreak } from '../../../main/journal/breaks';
import { endCall, insertCall, listCalls } from '../../../main/journal/calls';
import { deleteEntry } from '../../../main/journal/journal-entries';
import { exportJournal } from '../../../main/journal/journal-export';
import { addMark } from '../../../main/journal/marks';
import { addReflection } from '../../../main/journal/reflections';
import { timeline } from '../../../main/journal/timeline';

import { openTestJournal } from './support/journal-files';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);

function journalWithOneHardCall() {
  const { db, close } = openTestJournal();
  const callId = insertCall(db, {
    direction: 'inbound',
    remoteUri: 'sip:0501234567@pbx',
    remoteDisplayName: 'Noa, "the" caller',
    sipCallId: 'a',
    startedAt: T,
  });
  endCall(db, callId, { endedAt: T + 60_000, endReason: 'remote-hangup', sipStatus: null });
  addMark(db, {
    callId,
    kind: 'abusive',
    severity: 3,
    categories: ['shouting', 'threats'],
    createdAt: T + 30_000,
  });
  const refused = insertCall(db, {
    direction: 'inbound',
    remoteUri: 'sip:x@pbx',
    remoteDisplayName: null,
    sipCallId: 'b',
    startedAt: T + 70_000,
  });
  endCall(db, refused, { endedAt: T + 70_000, endReason: 'deferred', sipStatus: 480 });
  const breakId = startBreak(db, {
    callId,
    trigger: 'abusive-call',
    startedAt: T + 60_000,
    plannedSeconds: 90,
  });
  finishBreak(db, breakId, 90, 'completed');
  const reflectionId = addReflection(db, {
    breakId,
    callId,
    createdAt: T + 151_000,
    mood: 4,
    difficulty: 5,
    notAboutMe: 5,
    privateNote: 'shaken, "a lot"',
    privateThought: 'not about me',
    wantsFollowUp: true,
    tags: ['breathing'],
  });
  return { db, close, callId, refused, breakId, reflectionId };
}

describe('the timeline', () => {
  it('lists the call with its mark, the break, the call refused during it and the reflection, newest first and linked', () => {
    const { db, callId, refused, breakId, reflectionId } = journalWithOneHardCall();
    const entries = timeline(db, { filter: 'all', limit: 100 });
    expect(entries.map((entry) => [entry.kind, entry.id])).toEqual([
      ['reflection', reflectionId],
      ['call', refused],
      ['break', breakId],
      ['call', callId],
    ]);
    expect(entries[1]).toMatchObject({ endReason: 'deferred', marks: [] });
    entries.splice(1, 1);
    expect(entries[0]).toMatchObject({
      breakId,
      callId,
      felt: 'shaken, "a lot"',
      thought: 'not about me',
      helped: ['breathing'],
      talkToLead: true,
    });
    expect(entries[1]).toMatchObject({
      callId,
      trigger: 'abusive-call',
      actualSeconds: 90,
      endedHow: 'completed',
    });
    expect(entries[2]).toMatchObject({
      marks: [{ kind: 'abusive', severity: 3, categories: ['shouting', 'threats'], undone: false }],
    });
    expect(timeline(db, { filter: 'abusive', limit: 100 }).map((entry) => entry.kind)).toEqual(['call']);
    expect(timeline(db, { filter: 'proud', limit: 100 })).toEqual([]);
    expect(timeline(db, { filter: 'reflections', limit: 100 }).map((entry) => entry.kind)).toEqual([
      'reflection',
    ]);
  });

  it('exports CSV (quotes and commas survive) and JSON', () => {
    const { db } = journalWithOneHardCall();
    const csv = exportJournal(db, 'csv', T);
    expect(csv).toMatchObject({ fileName: 'steadyline-journal-2026-11-23.csv', mimeType: 'text/csv' });
    const lines = csv.content.trim().split('\n');
    expect(lines[0]).toBe('kind,id,at,call_id,break_id,who,detail,felt,thought');
    expect(lines).toHaveLength(5);
    expect(csv.content).toContain('"shaken, ""a lot"""');
    expect(csv.content).toContain('"Noa, ""the"" caller <sip:0501234567@pbx>"');
    const json = exportJournal(db, 'json', T);
    const parsed = JSON.parse(json.content) as { entries: Array<{ kind: string }> };
    expect(parsed.entries.map((entry) => entry.kind)).toEqual(['reflection', 'call', 'break', 'call']);
  });

  it('deletes entries; a deleted call leaves the journal with its marks but stays in the history', () => {
    const { db, callId, breakId, reflectionId } = journalWithOneHardCall();
    expect(deleteEntry(db, 'call', callId)).toBe(true);
    expect(deleteEntry(db, 'call', callId)).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM call_marks').get()).toEqual({ n: 0 });
    expect(timeline(db, { filter: 'all', limit: 10 }).some((e) => e.kind === 'call' && e.id === callId)).toBe(
      false,
    );
    expect(listCalls(db, { limit: 10 }).map((call) => call.id)).toContain(callId);
    expect(timeline(db, { filter: 'breaks', limit: 10 })[0]).toMatchObject({ id: breakId, callId });
    expect(deleteEntry(db, 'reflection', reflectionId)).toBe(true);
    expect(deleteEntry(db, 'reflection', reflectionId)).toBe(false);
    const running = startBreak(db, { callId: null, trigger: 'manual', startedAt: T, plannedSeconds: 90 });
    expect(deleteEntry(db, 'break', running)).toBe(false);
  });
});
