/**
 * Closing the day: what the closing screen shows (today's calls, breaks and proud calls) and the
 * note the agent leaves there, kept only in the journal (and erased with the other private notes).
 */
import { TZDate } from '@date-fns/tz';
import type Database from 'better-sqlite3';
import { addDays, startOfDay } from 'date-fns';

import type { CloseDayInput, DayOverview } from '../../preload/schemas/day';
import { addDayNote, dayInOneLine } from '../journal/day-notes';
import type { Clock } from '../kernel/clock';
import type { Logger } from '../logging/logger';

export interface DayServiceDeps {
  journal: Database.Database;
  clock: Pick<Clock, 'now'>;
  /** The agent's time zone (IANA): "today" is its calendar day. */
  timeZone: string;
  logger: Logger;
}

export interface DayService {
  overview(): DayOverview;
  /** Keeps the note (trimmed; blank keeps nothing); never fails the agent's leaving. */
  close(input: Required<CloseDayInput>): { saved: boolean };
}

/** Midnight to midnight of the calendar day of `at` in `timeZone`. */
export function dayBounds(at: number, timeZone: string): { from: number; to: number } {
  const start = startOfDay(new TZDate(at, timeZone));
  return { from: start.getTime(), to: addDays(start, 1).getTime() };
}

export function createDayService({ journal, clock, timeZone, logger }: DayServiceDeps): DayService {
  return {
    overview() {
      const { from, to } = dayBounds(clock.now(), timeZone);
      const day = dayInOneLine(journal, from, to);
      return {
        from,
        to,
        calls: day.calls,
        breaks: day.breaks,
        proud: day.proud.map((call) => ({
          callId: call.callId,
          remote: { uri: call.remoteUri, displayName: call.remoteDisplayName },
          startedAt: call.startedAt,
          markedAt: call.markedAt,
        })),
      };
    },
    close({ note }) {
      const text = note.trim();
      if (text.length === 0) return { saved: false };
      addDayNote(journal, text, clock.now());
      // Never the note itself: it stays in the journal only.
      logger.info({ length: text.length }, 'day closed with a note');
      return { saved: true };
    },
  };
}
