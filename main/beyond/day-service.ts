/**
 * Closing the day: what the closing screen shows (today's calls, breaks and proud calls) and the
 * note the agent leaves there, kept only in the journal (and erased with the other private notes).
 */
import { TZDate } from '@date-fns/tz';
import type Database from 'better-sqlite3';
import { addDays, addWeeks, startOfDay, startOfISOWeek } from 'date-fns';

import type { CloseDayInput, DayOverview, WeekReview } from '../../preload/schemas/day';
import { addDayNote, dayInOneLine, type ProudCall } from '../journal/day-notes';
import { dayFigures } from '../journal/week-review';
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
  /** Monday to Sunday, `weeksAgo` weeks back (0: this week), day by day. */
  week(weeksAgo: number): WeekReview;
}

const proudOf = (call: ProudCall) => ({
  callId: call.callId,
  remote: { uri: call.remoteUri, displayName: call.remoteDisplayName },
  startedAt: call.startedAt,
  markedAt: call.markedAt,
});

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
        proud: day.proud.map(proudOf),
      };
    },
    week(weeksAgo) {
      const monday = addWeeks(startOfISOWeek(new TZDate(clock.now(), timeZone)), -weeksAgo);
      // Each midnight from the calendar, not +24 h: a daylight-saving day has 23 or 25 hours.
      const midnights = Array.from({ length: 8 }, (_, index) => addDays(monday, index).getTime());
      const days = midnights
        .slice(0, 7)
        .map((from, index) => dayFigures(journal, from, midnights[index + 1] ?? from));
      const from = midnights[0] ?? monday.getTime();
      const to = midnights[7] ?? from;
      return { from, to, weeksAgo, days, proud: dayInOneLine(journal, from, to).proud.map(proudOf) };
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
