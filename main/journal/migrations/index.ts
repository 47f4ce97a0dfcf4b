/** Every schema step, in order. Add a new numbered file and list it here (see ../README.md). */
import { callsAndMarks } from './001-calls-and-marks';
import { breaksAndReflections } from './002-breaks-and-reflections';
import { transferredCalls } from './003-transferred-calls';
import { callQuality } from './004-call-quality';
import { breakState } from './005-break-state';
import { interruptedEndings } from './006-interrupted';
import { summaryOutbox } from './007-summary-outbox';
import { marksAndJournalView } from './008-marks-and-journal-view';
import { dayNotes } from './009-day-notes';
import { reflectionSkipped } from './010-reflection-skipped';
import { callWarnings } from './011-call-warnings';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  callsAndMarks,
  breaksAndReflections,
  transferredCalls,
  callQuality,
  breakState,
  interruptedEndings,
  summaryOutbox,
  marksAndJournalView,
  dayNotes,
  reflectionSkipped,
  callWarnings,
];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
