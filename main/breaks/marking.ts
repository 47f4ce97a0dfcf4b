/**
 * Marking a call: abusive (with severity and categories) or one to be proud of, while it is live
 * or within the policy's window after it ended; undone within 10 seconds. An abusive mark asks
 * for a recovery break, and enough of them within the policy's window suggest a longer one.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';

import type { MarkInput, MarkReceipt, RecoveryPolicy } from '../../preload/contract';
import { UserFacingError } from '../kernel/user-facing-error';
import { addMark, countAbusiveMarksSince, getMark, marksForCall, undoMark } from '../journal/marks';

import type { CallTracker, TrackedCall } from './call-tracker';

/** How long a mark can be taken back. */
export const UNDO_WINDOW_MS = 10_000;

export interface MarkingDeps {
  journal: Database.Database;
  calls: Pick<CallTracker, 'get'>;
  now: () => number;
  policy: () => RecoveryPolicy;
}

export interface Marked {
  receipt: MarkReceipt;
  call: TrackedCall;
  /** The call was marked already: this mark replaced that one. */
  replaced: boolean;
  /** Calls marked abusive (this one included) within the policy's window, for the longer-break suggestion. */
  recentAbusive: number;
}

/** The call a mark is for, if it can still be marked. */
function markableCall(deps: MarkingDeps, handle: string) {
  const call = deps.calls.get(handle);
  const windowMs = deps.policy().markWindowMinutes * 60_000;
  if (call?.endedAt != null && deps.now() - call.endedAt > windowMs) {
    throw new UserFacingError(
      'conflict',
      `Calls can be marked up to ${deps.policy().markWindowMinutes} minutes after they end.`,
      { reason: 'mark.window-closed', params: { minutes: deps.policy().markWindowMinutes } },
    );
  }
  if (!call)
    throw new UserFacingError('not-found', 'That call can no longer be marked.', {
      reason: 'mark.call-gone',
    });
  return call;
}

/**
 * Marks a call. A call carries one mark at a time: marking it again changes the mark (the one it
 * had is taken back), so a call is never counted twice.
 */
export function markCall(deps: MarkingDeps, input: z.output<typeof MarkInput>): Marked {
  const call = markableCall(deps, input.callId);
  const createdAt = deps.now();
  const standing = marksForCall(deps.journal, call.journalId).filter((mark) => mark.undoneAt === null);
  for (const mark of standing) undoMark(deps.journal, mark.id, createdAt);
  const markId = addMark(
    deps.journal,
    input.kind === 'abusive'
      ? {
          callId: call.journalId,
          kind: 'abusive',
          severity: input.severity ?? null,
          categories: input.categories,
          createdAt,
        }
      : { callId: call.journalId, kind: 'proud', createdAt },
  );
  const since = createdAt - deps.policy().repeatedAbuse.withinMinutes * 60_000;
  return {
    receipt: { markId, kind: input.kind, callId: input.callId, undoUntil: createdAt + UNDO_WINDOW_MS },
    call,
    replaced: standing.length > 0,
    recentAbusive: countAbusiveMarksSince(deps.journal, since),
  };
}

/** Takes a mark back within its undo window; returns the mark's kind. */
export function undoMarkInTime(deps: MarkingDeps, markId: number): 'abusive' | 'proud' {
  const mark = getMark(deps.journal, markId);
  if (!mark || mark.undoneAt !== null)
    throw new UserFacingError('not-found', 'That mark was already taken back.', { reason: 'mark.undone' });
  if (deps.now() > mark.createdAt + UNDO_WINDOW_MS)
    throw new UserFacingError('conflict', 'A mark can be undone only within 10 seconds.', {
      reason: 'mark.undo-expired',
      params: { seconds: UNDO_WINDOW_MS / 1000 },
    });
  undoMark(deps.journal, markId, deps.now());
  return mark.kind;
}
