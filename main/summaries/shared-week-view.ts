/** A journal outbox row as the share screen's history shows it: the exact bytes as text. */
import type { SharedWeek } from '../journal/shared-weeks';
import type { SharedWeekView } from '../../preload/schemas/summaries';

export const toSharedWeekView = (week: SharedWeek): SharedWeekView => ({
  week: week.week,
  consent: week.consent,
  state: week.state,
  json: week.body.toString('utf8'),
  sha256: week.sha256,
  queuedAt: week.queuedAt,
  attempts: week.attempts,
  sentAt: week.sentAt,
  receivedAt: week.receipt?.receivedAt ?? null,
  revokeRequestedAt: week.revokeRequestedAt,
  revokedAt: week.revokedAt,
  lastError: week.lastError,
});
