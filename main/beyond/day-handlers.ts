/** The request handlers of closing the day (day:*). */
import type { HandlersOf } from '../ipc/router';

import type { DayService } from './day-service';

export function createDayHandlers(day: DayService): HandlersOf<'day' | 'week'> {
  return {
    'day:overview': () => day.overview(),
    'day:close': (input) => day.close(input),
    'week:review': ({ weeksAgo }) => day.week(weeksAgo),
  };
}
