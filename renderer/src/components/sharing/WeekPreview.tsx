import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SharingView, SummaryPreview } from '../../../../preload/contract';
import { useSharingStore } from '../../stores/sharing-store';

/** The week's dates on the agent's calendar: Monday to Sunday. */
export function weekDates(preview: Pick<SummaryPreview, 'start' | 'end'>, language: string): string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  return format.formatRange(preview.start, preview.end - 1);
}

/** Last week's summary as a readable table and, one click away, the exact JSON that would be sent. */
export function WeekPreview({ view, preview }: { view: SharingView; preview: SummaryPreview }) {
  const { t, i18n } = useTranslation();
  const [showJson, setShowJson] = useState(false);
  const checkIn = useSharingStore((store) => store.checkIn);
  const { payload } = preview;
  const mood = payload.medianMoodAfterBreak;
  const rows: Array<[string, string | number]> = [
    ['callsHandled', payload.callsHandled],
    ['abusiveMarks', payload.abusiveMarks.total],
    ...Object.entries(payload.abusiveMarks.byCategory).map(
      ([category, count]) => [`category.${category}`, count] as [string, number],
    ),
    ['proudMarks', payload.proudMarks],
    ['breaksTaken', payload.breaks.taken],
    ['breakMinutes', payload.breaks.minutes],
    ['breaksExtended', payload.breaks.extended],
    ['breaksEndedEarly', payload.breaks.endedEarly],
    ['reflections', payload.reflectionsCompleted],
    ['warningsPlayed', payload.warningsPlayed],
    ['mood', mood === null ? t('sharing.preview.noMood') : mood],
    ['sharedAs', payload.agentName ?? t('sharing.preview.anonymous')],
  ];
  return (
    <section className="settings-section" aria-labelledby="sharing-preview-title">
      <h2 id="sharing-preview-title">
        {t('sharing.preview.title', { week: preview.week, dates: weekDates(preview, i18n.language) })}
      </h2>
      <table className="share-table" data-testid="share-table">
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{t(`sharing.preview.${key}`)}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="field field--check">
        <input
          type="checkbox"
          checked={checkIn}
          onChange={(event) => void useSharingStore.getState().setCheckIn(event.target.checked)}
        />
        {t('sharing.preview.checkIn')}
      </label>
      <p className="hint">{t('sharing.preview.never')}</p>
      <div className="share-actions">
        <button
          type="button"
          className="button"
          aria-expanded={showJson}
          onClick={() => setShowJson(!showJson)}
        >
          {showJson ? t('sharing.preview.hideJson') : t('sharing.preview.showJson')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={view.consent === 'none'}
          onClick={() => void useSharingStore.getState().share()}
        >
          {t('sharing.preview.share')}
        </button>
      </div>
      {view.consent === 'none' && <p className="hint">{t('sharing.preview.chooseFirst')}</p>}
      {showJson && (
        <pre
          className="share-json"
          dir="ltr"
          data-testid="share-json"
          aria-label={t('sharing.preview.jsonLabel')}
        >
          {preview.json}
        </pre>
      )}
    </section>
  );
}
