import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { TimelineFilter, type TimelineEntry } from '../../../../preload/contract';
import { downloadFile, useJournalStore } from '../../stores/journal-store';
import { ConfirmDialog } from '../ConfirmDialog';

import { JournalDay } from './JournalDay';
import { isolate } from '../format';

/** Entries grouped by the local day they happened on, newest day first (entries come newest first). */
export function groupByDay(entries: TimelineEntry[]): Array<{ day: number; entries: TimelineEntry[] }> {
  const days: Array<{ day: number; entries: TimelineEntry[] }> = [];
  for (const entry of entries) {
    const start = new Date(entry.at);
    start.setHours(0, 0, 0, 0);
    const day = start.getTime();
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}

/** The agent's private journal: a timeline by day; filter, export, delete (confirmed, with Undo). */
export function JournalScreen() {
  const { t } = useTranslation();
  const entries = useJournalStore((store) => store.entries);
  const pending = useJournalStore((store) => store.pending);
  const filter = useJournalStore((store) => store.filter);
  const failure = useJournalStore((store) => store.failure);
  const { setFilter, exportAs, removeWithUndo, undoRemove } = useJournalStore.getState();
  const [confirming, setConfirming] = useState<TimelineEntry | null>(null);
  const undo = useRef<HTMLButtonElement>(null);
  // After a delete, focus is on Undo (the deleted entry's button is gone).
  useEffect(() => {
    if (pending) undo.current?.focus();
  }, [pending]);
  useEffect(() => {
    void useJournalStore.getState().load();
    const stop = useJournalStore.getState().follow();
    return () => {
      stop();
      void useJournalStore.getState().flushRemove();
    };
  }, []);
  const save = async (format: 'csv' | 'json') => {
    const file = await exportAs(format);
    if (file) downloadFile(file);
  };
  const shown = entries.filter((entry) => !(pending?.kind === entry.kind && pending.id === entry.id));
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
      {failure && <p role="alert">{t('recovery.failed', { message: isolate(failure) })}</p>}
      {pending && (
        <p className="journal__deleted" role="status">
          {t('journalView.deleted')}{' '}
          <button ref={undo} type="button" className="button" data-rescue="undo" onClick={undoRemove}>
            {t('journalView.undoDelete')}
          </button>
        </p>
      )}
      {shown.length === 0 ? (
        <p>{t('journalView.empty')}</p>
      ) : (
        <div className="journal" role="group" aria-label={t('journalView.timeline')}>
          {groupByDay(shown).map(({ day, entries: ofDay }) => (
            <JournalDay key={day} day={day} entries={ofDay} onDelete={setConfirming} />
          ))}
        </div>
      )}
      <ConfirmDialog
        open={confirming !== null}
        danger
        testId="confirm-delete"
        title={t('journalView.confirmTitle')}
        confirmLabel={t('journalView.delete')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) removeWithUndo(confirming.kind, confirming.id);
          setConfirming(null);
        }}
      >
        <p>{t(`journalView.confirmBody.${confirming?.kind ?? 'call'}`)}</p>
      </ConfirmDialog>
    </section>
  );
}
