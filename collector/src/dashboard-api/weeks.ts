/**
 * The weeks a lead's dashboard shows: the last N ISO weeks (Monday start, UTC) before the week
 * `now` falls in, oldest first. The newest may still be open (not frozen) for a day or two.
 */
import { isoWeekOf, weeksEndingWith } from '../summaries/iso-week';

export const DASHBOARD_WEEKS = 12;
const WEEK_MS = 7 * 86_400_000;

export function recentWeeks(nowMs: number, count = DASHBOARD_WEEKS): string[] {
  return weeksEndingWith(isoWeekOf(new Date(nowMs - WEEK_MS)), count);
}
