/** The request handlers of the journal channels: the call history, call quality and the journal view. */
import type Database from 'better-sqlite3';

import type { HandlersOf } from '../ipc/router';
import type { EventHub } from '../kernel/event-hub';
import { UserFacingError } from '../kernel/user-facing-error';

import { saveCallQuality, withQuality } from './call-quality';
import { listCalls } from './calls';
import { deleteEntry } from './journal-entries';
import { exportJournal } from './journal-export';
import { timeline } from './timeline';

export interface JournalHandlerDeps {
  journal: Database.Database;
  events: Pick<EventHub, 'publish'>;
  /** The export's timestamp. */
  now: () => number;
}

export function createJournalHandlers({ journal, events, now }: JournalHandlerDeps): HandlersOf<'journal'> {
  return {
    'journal:listCalls': (query) => withQuality(journal, listCalls(journal, query)),
    'journal:saveCallQuality': ({ journalId, quality }) => {
      if (!saveCallQuality(journal, journalId, quality))
        throw new UserFacingError('not-found', 'That call is not in the journal.');
      events.publish('journal:changed', { table: 'calls' });
      return null;
    },
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
