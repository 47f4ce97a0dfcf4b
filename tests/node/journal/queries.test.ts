import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { activeBreak, finishBreak, startBreak } from '../../../main/journal/breaks';
import {
  LIST_CALLS_SQL,
  SEARCH_CALLS_SQL,
  endCall,
  getCall,
  insertCall,
  listCalls,
  markAnswered,
} from '../../../main/journal/calls';
import { addMark, marksForCall, undoMark } from '../../../main/journal/marks';
import { recordCompleteCall } from '../../../main/journal/record-call';
import { addReflection, tagsOfReflection } from '../../../main/journal/reflections';
import { WEEKLY_SUMMARY_SQL, weeklySummary } from '../../../main/journal/weekly-summary';

import { openTestJournal } from './support/journal-files';

let journal: ReturnType<typeof openTestJournal>;
let db: Database.Database;

beforeEach(() => {
  journal = openTestJournal();
  db = journal.db;
});
afterEach(() => journal.close());

const call = (startedAt: number, name: string | null = 'Caller', uri = 'sip:+972501234567@pbx') =>
  insertCall(db, {
    direction: 'inbound',
    remoteUri: uri,
    remoteDisplayName: name,
    sipCallId: `cid-${startedAt}`,
    startedAt,
  });

describe('calls', () => {
  it('records a call from ringing to its end, and ends it only once', () => {
    const id = call(1_000, 'דנה כהן');
    markAnswered(db, id, 1_500);
    endCall(db, id, { endedAt: 9_000, endReason: 'remote-hangup', sipStatus: null });
    endCall(db, id, { endedAt: 9_999, endReason: 'transport-lost', sipStatus: null });
    expect(getCall(db, id)).toEqual({
      id,
      direction: 'inbound',
      remoteUri: 'sip:+972501234567@pbx',
      remoteDisplayName: 'דנה כהן',
      sipCallId: 'cid-1000',
      startedAt: 1_000,
      answeredAt: 1_500,
      endedAt: 9_000,
      endReason: 'remote-hangup',
      sipStatus: null,
    });
  });

  it('lists newest first, a page at a time', () => {
    for (let at = 1; at <= 5; at += 1) call(at * 1000);
    const first = listCalls(db, { limit: 2 });
    expect(first.map((c) => c.startedAt)).toEqual([5000, 4000]);
    expect(listCalls(db, { limit: 2, before: 4000 }).map((c) => c.startedAt)).toEqual([3000, 2000]);
  });

  it('orders calls that started in the same millisecond newest id first', () => {
    const first = call(7_000);
    const second = call(7_000);
    expect(listCalls(db, { limit: 5 }).map((c) => c.id)).toEqual([second, first]);
  });

  it('searches names and numbers, treating % and _ literally', () => {
    call(1, 'Rivka 100%');
    call(2, 'Moshe', 'sip:0521112222@pbx');
    call(3, 'Someone_else');
    expect(listCalls(db, { limit: 10, search: '100%' }).map((c) => c.remoteDisplayName)).toEqual([
      'Rivka 100%',
    ]);
    expect(listCalls(db, { limit: 10, search: '05211' }).map((c) => c.remoteDisplayName)).toEqual(['Moshe']);
    expect(listCalls(db, { limit: 10, search: '_' }).map((c) => c.remoteDisplayName)).toEqual([
      'Someone_else',
    ]);
  });
});

describe('marks, breaks and reflections', () => {
  it('keeps abusive categories relationally and lets a mark be undone', () => {
    const id = call(1);
    const mark = addMark(db, {
      callId: id,
      kind: 'abusive',
      severity: 3,
      categories: ['threats', 'shouting', 'threats'],
      createdAt: 2,
    });
    addMark(db, { callId: id, kind: 'proud', createdAt: 3 });
    expect(undoMark(db, mark, 4)).toBe(true);
    expect(undoMark(db, mark, 5)).toBe(false);
    expect(marksForCall(db, id)).toEqual([
      {
        id: mark,
        callId: id,
        kind: 'abusive',
        severity: 3,
        categories: ['shouting', 'threats'],
        createdAt: 2,
        undoneAt: 4,
      },
      expect.objectContaining({ kind: 'proud', severity: null, categories: [] }),
    ]);
  });

  it('tracks the one active break until it is finished', () => {
    const breakId = startBreak(db, {
      callId: call(1),
      trigger: 'abusive-call',
      startedAt: 10,
      plannedSeconds: 90,
    });
    expect(activeBreak(db)?.id).toBe(breakId);
    finishBreak(db, breakId, 95, 'extended-and-completed');
    expect(activeBreak(db)).toBeNull();
  });

  it('stores a reflection with its tags', () => {
    const id = addReflection(db, {
      breakId: null,
      callId: call(1),
      createdAt: 5,
      mood: 3,
      difficulty: 4,
      notAboutMe: 4,
      privateNote: 'He was angry about the bill, not me.',
      wantsFollowUp: true,
      tags: ['breathing', 'water', 'breathing'],
    });
    expect(tagsOfReflection(db, id)).toEqual(['breathing', 'water']);
  });
});

describe('weekly summary', () => {
  it('aggregates one week and nothing outside it, without any note', () => {
    const week = { weekStart: 1_000, weekEnd: 2_000 };
    const entry = (at: number, mood: number) =>
      recordCompleteCall(db, {
        call: {
          direction: 'inbound',
          remoteUri: 'sip:x@y',
          remoteDisplayName: null,
          sipCallId: `c${at}`,
          startedAt: at,
          endedAt: at + 5,
          endReason: 'local-hangup',
          sipStatus: null,
        },
        mark: { kind: 'abusive', severity: 2, categories: ['insults'], createdAt: at + 6 },
        break: {
          trigger: 'abusive-call',
          startedAt: at + 7,
          plannedSeconds: 90,
          actualSeconds: 60 + at / 100,
          endedHow: 'completed',
        },
        reflection: {
          createdAt: at + 8,
          mood,
          difficulty: 3,
          notAboutMe: null,
          privateNote: 'secret note',
          wantsFollowUp: false,
          tags: [],
        },
      });
    entry(1_100, 2);
    entry(1_500, 4);
    entry(2_500, 1);
    expect(weeklySummary(db, week)).toEqual({
      calls: 2,
      abusiveMarks: 2,
      proudMarks: 0,
      breaks: 2,
      breakSeconds: 146,
      averageBreakSeconds: 73,
      reflections: 2,
      averageMood: 3,
    });
    expect(JSON.stringify(weeklySummary(db, week))).not.toContain('secret note');
  });
});

describe('query plans', () => {
  const plan = (sql: string, params: Record<string, unknown>) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map(
      (row) => row.detail,
    );

  it('lists calls through the start-time index, without a full scan or a sort', () => {
    const details = plan(LIST_CALLS_SQL, { before: 1, limit: 1 });
    expect(details.join('\n')).toMatch(/SEARCH calls USING INDEX calls_by_start/);
    expect(details.join('\n')).not.toMatch(/SCAN calls|TEMP B-TREE/);
  });

  it('searches calls walking the same index, without a sort', () => {
    const details = plan(SEARCH_CALLS_SQL, { before: 1, limit: 1, pattern: '%a%' }).join('\n');
    expect(details).toMatch(/calls USING INDEX calls_by_start/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });

  it('summarises a week through the time indexes of every table', () => {
    const details = plan(WEEKLY_SUMMARY_SQL, { start: 0, end: 1 }).join('\n');
    expect(details).toMatch(/calls USING COVERING INDEX calls_by_start/);
    expect(details).toMatch(/call_marks USING INDEX call_marks_by_time/);
    expect(details).toMatch(/breaks USING INDEX breaks_by_start/);
    expect(details).toMatch(/reflections USING INDEX reflections_by_time/);
    expect(details).not.toMatch(/SCAN (calls|call_marks|breaks|reflections)\b/);
  });
});
