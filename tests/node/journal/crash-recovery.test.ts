/**
 * Crash recovery: a process killed with SIGKILL while a call rings leaves rows open; the next start
 * closes them as 'interrupted' at the last moment the journal knew, and the running break is still
 * resumed (migration 005's semantics); older running breaks that can never resume are closed.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { activeBreak, getBreak, startBreak } from '../../../main/journal/breaks';
import { getCall, insertCall, listCalls } from '../../../main/journal/calls';
import { closeInterrupted } from '../../../main/journal/crash-recovery';

import { journalPath, openTestJournal } from './support/journal-files';

const CHILD = resolve(import.meta.dirname, 'support/ringing-child.ts');
const START = 1_800_000_000_000;

function killWhileRinging(file: string): Promise<NodeJS.Signals | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(START)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ringing\n')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code, signal) =>
      signal ? done(signal) : fail(new Error(`the child exited by itself (${code}): ${errors}`)),
    );
  });
}

describe('crash recovery', () => {
  it('closes calls a SIGKILL left open as interrupted and keeps the running break resumable', async () => {
    const file = journalPath();
    expect(await killWhileRinging(file)).toBe('SIGKILL');

    const journal = openTestJournal(file);
    expect(journal.interrupted).toEqual({ calls: 2, breaks: 0, warnings: 0 });
    const calls = listCalls(journal.db, { limit: 10 });
    expect(calls.map((call) => [call.remoteUri, call.endReason, call.endedAt, call.sipStatus])).toEqual([
      ['sip:100@test', 'interrupted', START + 2_000, null],
      ['sip:200@test', 'interrupted', START + 1_000, null],
    ]);
    expect(activeBreak(journal.db)).toMatchObject({ startedAt: START + 2_000, endedHow: null });
    journal.close();

    // A second start finds nothing left to close and changes nothing.
    const again = openTestJournal(file);
    expect(again.interrupted).toEqual({ calls: 0, breaks: 0, warnings: 0 });
    expect(listCalls(again.db, { limit: 10 }).map((call) => call.endedAt)).toEqual([
      START + 2_000,
      START + 1_000,
    ]);
    again.close();
  });

  it('closes only the running breaks that can no longer resume, each at most until the next began', () => {
    const journal = openTestJournal();
    const { db } = journal;
    const older = startBreak(db, { callId: null, trigger: 'manual', startedAt: 10_000, plannedSeconds: 300 });
    const short = startBreak(db, { callId: null, trigger: 'manual', startedAt: 100_000, plannedSeconds: 30 });
    const newest = startBreak(db, {
      callId: null,
      trigger: 'manual',
      startedAt: 200_000,
      plannedSeconds: 60,
    });
    expect(closeInterrupted(db)).toEqual({ calls: 0, breaks: 2, warnings: 0 });
    expect(getBreak(db, older)).toMatchObject({ endedHow: 'interrupted', actualSeconds: 90 });
    expect(getBreak(db, short)).toMatchObject({ endedHow: 'interrupted', actualSeconds: 30 });
    expect(getBreak(db, newest)).toMatchObject({ endedHow: null, actualSeconds: null });
    expect(activeBreak(db)?.id).toBe(newest);
    journal.close();
  });

  it('gives a marked call the time of its last mark and never touches a call that ended', () => {
    const journal = openTestJournal();
    const { db } = journal;
    const call = { direction: 'inbound', remoteUri: 'sip:x@y', remoteDisplayName: null } as const;
    const open = insertCall(db, { ...call, sipCallId: 'open', startedAt: 1_000 });
    const ended = insertCall(db, { ...call, sipCallId: 'ended', startedAt: 2_000 });
    db.prepare('UPDATE calls SET answered_at = 1500 WHERE id = ?').run(open);
    db.prepare("INSERT INTO call_marks (call_id, kind, created_at) VALUES (?, 'proud', 9000)").run(open);
    db.prepare("UPDATE calls SET ended_at = 3000, end_reason = 'busy', sip_status = 486 WHERE id = ?").run(
      ended,
    );
    expect(closeInterrupted(db)).toEqual({ calls: 1, breaks: 0, warnings: 0 });
    expect(getCall(db, open)).toMatchObject({ endReason: 'interrupted', endedAt: 9_000, answeredAt: 1_500 });
    expect(getCall(db, ended)).toMatchObject({ endReason: 'busy', endedAt: 3_000, sipStatus: 486 });
    journal.close();
  });
});
