/** The request handlers of the recovery channels (marks, breaks, reflections, the journal view). */
import type Database from 'better-sqlite3';

import { UserFacingError } from '../ipc/user-facing-error';
import type { Handlers } from '../ipc/router';
import type { EventHub } from '../core/event-hub';
import { deleteEntry } from '../journal/journal-entries';
import { exportJournal } from '../journal/journal-export';
import { timeline } from '../journal/timeline';

import type { RecoveryService } from './recovery-service';

type RecoveryChannel =
  | 'recovery:getSettings'
  | 'recovery:setPreferences'
  | 'marks:add'
  | 'marks:undo'
  | 'breaks:get'
  | 'breaks:start'
  | 'breaks:extend'
  | 'breaks:end'
  | 'breaks:takeLonger'
  | 'reflections:save'
  | 'reflections:skip'
  | 'journal:timeline'
  | 'journal:export'
  | 'journal:deleteEntry';

export interface RecoveryHandlerDeps {
  recovery: RecoveryService;
  journal: Database.Database;
  events: Pick<EventHub, 'publish'>;
  now: () => number;
}

export function createRecoveryHandlers({
  recovery,
  journal,
  events,
  now,
}: RecoveryHandlerDeps): Pick<Handlers, RecoveryChannel> {
  return {
    'recovery:getSettings': () => recovery.settings(),
    'recovery:setPreferences': (patch) => recovery.setPreferences(patch),
    'marks:add': (input) => recovery.mark(input),
    'marks:undo': ({ markId }) => {
      recovery.undoMark(markId);
      return null;
    },
    'breaks:get': () => recovery.state(),
    'breaks:start': () => recovery.startManual(),
    'breaks:extend': () => recovery.extend(),
    'breaks:end': () => recovery.end(),
    'breaks:takeLonger': () => recovery.takeLonger(),
    'reflections:save': (input) => recovery.saveReflection(input),
    'reflections:skip': () => recovery.skipReflection(),
    'journal:timeline': (query) => timeline(journal, query),
    'journal:export': ({ format }) => exportJournal(journal, format, now()),
    'journal:deleteEntry': ({ kind, id }) => {
      if (!deleteEntry(journal, kind, id))
        throw new UserFacingError(
          'not-found',
          'That entry is not in your journal (or the break is still running).',
        );
      events.publish('journal:changed', {
        table: kind === 'call' ? 'calls' : kind === 'break' ? 'breaks' : 'reflections',
      });
      return null;
    },
  };
}
