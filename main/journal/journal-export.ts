/**
 * The agent's journal as a file they take away (for themselves or occupational health): the whole
 * timeline as JSON, or one CSV row per entry. Built in main, handed to the agent's own window.
 */
import type Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { format } from 'date-fns';

import type { ExportFile, TimelineEntry } from '../../preload/contract';

import { timeline } from './timeline';

const EVERYTHING = 1_000_000;

const CSV_COLUMNS = ['kind', 'id', 'at', 'call_id', 'break_id', 'who', 'detail', 'felt', 'thought'] as const;

function csvRow(entry: TimelineEntry): Record<(typeof CSV_COLUMNS)[number], string | number | null> {
  const at = new Date(entry.at).toISOString();
  switch (entry.kind) {
    case 'call': {
      const marks = entry.marks
        .filter((mark) => !mark.undone)
        .map((mark) =>
          mark.kind === 'abusive'
            ? `abusive(${[mark.severity ?? '', ...mark.categories].filter(String).join(' ')})`
            : 'proud',
        );
      const who = entry.remoteDisplayName
        ? `${entry.remoteDisplayName} <${entry.remoteUri}>`
        : entry.remoteUri;
      const detail = [entry.direction, entry.endReason, ...marks].filter(Boolean).join('; ');
      return {
        kind: 'call',
        id: entry.id,
        at,
        call_id: entry.id,
        break_id: null,
        who,
        detail,
        felt: null,
        thought: null,
      };
    }
    case 'break': {
      const detail = `${entry.trigger}; planned ${entry.plannedSeconds} s; took ${entry.actualSeconds ?? '-'} s; ${entry.endedHow ?? 'running'}`;
      return {
        kind: 'break',
        id: entry.id,
        at,
        call_id: entry.callId,
        break_id: entry.id,
        who: null,
        detail,
        felt: null,
        thought: null,
      };
    }
    case 'reflection': {
      const detail = `mood ${entry.mood}; difficulty ${entry.difficulty}; not about me ${entry.notAboutMe ?? '-'}; helped ${entry.helped.join(' ')}; talk to lead ${entry.talkToLead ? 'yes' : 'no'}`;
      return {
        kind: 'reflection',
        id: entry.id,
        at,
        call_id: entry.callId,
        break_id: entry.breakId,
        who: null,
        detail,
        felt: entry.felt,
        thought: entry.thought,
      };
    }
  }
}

/** The whole journal as a CSV (one row per entry) or JSON file. */
export function exportJournal(db: Database.Database, kind: 'csv' | 'json', now: number): ExportFile {
  const entries = timeline(db, { filter: 'all', limit: EVERYTHING });
  const stamp = format(now, 'yyyy-MM-dd');
  if (kind === 'json') {
    return {
      fileName: `steadyline-journal-${stamp}.json`,
      mimeType: 'application/json',
      content: JSON.stringify({ exportedAt: new Date(now).toISOString(), entries }, null, 2),
    };
  }
  return {
    fileName: `steadyline-journal-${stamp}.csv`,
    mimeType: 'text/csv',
    content: stringify(entries.map(csvRow), { header: true, columns: [...CSV_COLUMNS] }),
  };
}
