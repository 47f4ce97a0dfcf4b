import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { TimelineFilter } from '../../../../preload/contract';
import { downloadFile, useJournalStore } from '../../stores/journal-store';

import { BreakPreferences } from './BreakPreferences';
import { JournalEntryItem } from './JournalEntryItem';

/** The agent's private journal: calls, marks, breaks and reflections; filter, export, delete. */
export function JournalScreen() {
  const { t } = useTranslation();
  const entries = useJournalStore((store) => store.entries);
  const filter = useJournalStore((store) => store.filter);
  const failure = useJournalStore((store) => store.failure);
  const { setFilter, exportAs } = useJournalStore.getState();
  useEffect(() => {
    void useJournalStore.getState().load();
    return useJournalStore.getState().follow();
  }, []);
  const save = async (format: 'csv' | 'json') => {
    const file = await exportAs(format);
    if (file) downloadFile(file);
  };
  return (
    <section className="screen" aria-labelledby="journal-title">
      <h1 id="journal-title" tabIndex={-1} data-rescue="screen">
        {t('journalView.title')}
      </h1>
      <p>{t('journalView.private')}</p>
      <div className="journal__tools">
        <label className="field">
          <span className="field__label">{t('journalView.filter')}</span>
          <select value={filter} onChange={(event) => void setFilter(event.target.value as TimelineFilter)}>
            {TimelineFilter.options.map((option) => (
              <option key={option} value={option}>
                {t(`journalView.filters.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void save('csv')}>
          {t('journalView.exportCsv')}
        </button>
        <button type="button" className="button" onClick={() => void save('json')}>
          {t('journalView.exportJson')}
        </button>
      </div>
      {failure && <p role="alert">{t('recovery.failed', { message: failure })}</p>}
      {entries.length === 0 ? (
        <p>{t('journalView.empty')}</p>
      ) : (
        <ol className="journal" aria-label={t('journalView.timeline')}>
          {entries.map((entry) => (
            <JournalEntryItem key={`${entry.kind}-${entry.id}`} entry={entry} />
          ))}
        </ol>
      )}
      <BreakPreferences />
    </section>
  );
}
