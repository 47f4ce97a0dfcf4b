/**
 * Erases reflection notes older than the policy's retention period: once at start, then daily.
 * Only the free text goes; the scores and links stay for the agent's own summaries.
 */
import type Database from 'better-sqlite3';
import { subDays } from 'date-fns';

import { purgeDayNotesBefore } from '../journal/day-notes';
import { purgeNotesBefore } from '../journal/journal-entries';
import type { Logger } from '../logging/logger';
import type { Clock } from '../kernel/clock';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface NoteRetentionDeps {
  journal: Database.Database;
  clock: Clock;
  retentionDays: () => number | null;
  logger: Logger;
}

/** Starts the daily purge; returns the function that stops it. */
export function keepNotesWithinRetention(deps: NoteRetentionDeps): () => void {
  let timer: unknown = null;
  const purge = () => {
    const days = deps.retentionDays();
    if (days !== null) {
      const before = subDays(deps.clock.now(), days).getTime();
      const erased = purgeNotesBefore(deps.journal, before) + purgeDayNotesBefore(deps.journal, before);
      if (erased > 0) deps.logger.info({ erased, days }, 'reflection notes past retention erased');
    }
    timer = deps.clock.setTimeout(purge, DAY_MS);
  };
  purge();
  return () => deps.clock.clearTimeout(timer);
}
