import { useTranslation } from 'react-i18next';

import type { TimelineEntry } from '../../../../preload/contract';
import { useJournalStore } from '../../stores/journal-store';
import { numberOf } from '../remote-party';

function describe(
  entry: TimelineEntry,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  switch (entry.kind) {
    case 'call': {
      const who = entry.remoteDisplayName ?? numberOf(entry.remoteUri);
      const marks = entry.marks
        .filter((mark) => !mark.undone)
        .map((mark) =>
          mark.kind === 'abusive'
            ? t('journalView.abusiveMark', {
                details: [
                  t(`recovery.severity.${mark.severity ?? 2}`),
                  ...mark.categories.map((category) => t(`recovery.category.${category}`)),
                ].join(', '),
              })
            : t('journalView.proudMark'),
        );
      return [t('journalView.call', { who, id: entry.id }), ...marks].join(' · ');
    }
    case 'break':
      return t('journalView.break', {
        trigger: t(`journalView.trigger.${entry.trigger}`),
        seconds: entry.actualSeconds ?? entry.plannedSeconds,
        call: entry.callId ?? '—',
      });
    case 'reflection':
      return t('journalView.reflection', {
        mood: entry.mood,
        difficulty: entry.difficulty,
        call: entry.callId ?? '—',
      });
  }
}

/** One line of the timeline: when, what, the private notes, and Delete. */
export function JournalEntryItem({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(
    entry.at,
  );
  return (
    <li className={`journal-entry journal-entry--${entry.kind}`} data-testid={`journal-${entry.kind}`}>
      <time dateTime={new Date(entry.at).toISOString()}>{when}</time> <span>{describe(entry, t)}</span>
      {entry.kind === 'reflection' && (entry.felt || entry.thought) && (
        <p className="journal-entry__notes">{[entry.felt, entry.thought].filter(Boolean).join(' — ')}</p>
      )}
      <button
        type="button"
        className="button button--quiet"
        aria-label={t('journalView.deleteEntry', { what: t(`journalView.kind.${entry.kind}`), id: entry.id })}
        onClick={() => void useJournalStore.getState().remove(entry.kind, entry.id)}
      >
        {t('journalView.delete')}
      </button>
    </li>
  );
}
