import { useTranslation } from 'react-i18next';

import type { TimelineEntry } from '../../../../preload/contract';

import { formatDay } from '../format';

import { JournalEntryItem } from './JournalEntryItem';

/** One day of the timeline: its date as a heading, then its entries, newest first. */
export function JournalDay({
  day,
  entries,
  onDelete,
}: {
  day: number;
  entries: TimelineEntry[];
  onDelete(entry: TimelineEntry): void;
}) {
  const { i18n } = useTranslation();
  const label = formatDay(day, i18n.language);
  const headingId = `journal-day-${day}`;
  return (
    <section className="journal-day" aria-labelledby={headingId}>
      <h2 id={headingId} className="journal-day__date">
        {label}
      </h2>
      <ol className="journal-day__entries">
        {entries.map((entry) => (
          <JournalEntryItem
            key={`${entry.kind}-${entry.id}`}
            entry={entry}
            onDelete={() => onDelete(entry)}
          />
        ))}
      </ol>
    </section>
  );
}
