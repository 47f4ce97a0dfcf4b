/** Writes a whole journaled call (call, mark, break, reflection) in one transaction. */
import type Database from 'better-sqlite3';

import { startBreak, finishBreak, type BreakEnding, type NewBreak } from './breaks';
import { endCall, insertCall, type CallEnd, type NewCall } from './calls';
import { addMark, type MarkOfCall, type NewMark } from './marks';
import { addReflection, type NewReflection } from './reflections';

export interface CompleteCall {
  call: NewCall & CallEnd;
  mark: MarkOfCall;
  break: Omit<NewBreak, 'callId'> & { actualSeconds: number; endedHow: BreakEnding };
  reflection: Omit<NewReflection, 'callId' | 'breakId'>;
}

export function recordCompleteCall(db: Database.Database, entry: CompleteCall): number {
  return db.transaction(() => {
    const callId = insertCall(db, entry.call);
    endCall(db, callId, entry.call);
    addMark(db, { ...entry.mark, callId } as NewMark);
    const breakId = startBreak(db, { ...entry.break, callId });
    finishBreak(db, breakId, entry.break.actualSeconds, entry.break.endedHow);
    addReflection(db, { ...entry.reflection, callId, breakId });
    return callId;
  })();
}
