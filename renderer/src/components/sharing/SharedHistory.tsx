import { useTranslation } from 'react-i18next';

import type { SharedWeekView } from '../../../../preload/contract';
import { useSharingStore } from '../../stores/sharing-store';

const REVOCABLE = new Set<SharedWeekView['state']>(['queued', 'sent', 'refused']);

/** Every week shared, with its exact bytes; revoke one week or everything in one click. */
export function SharedHistory() {
  const { t, i18n } = useTranslation();
  const history = useSharingStore((store) => store.history);
  const holding = useSharingStore((store) => store.holding);
  const { revoke, revokeAll, checkCollector } = useSharingStore.getState();
  const when = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const anyHeld = history.some((week) => week.state !== 'revoked');
  return (
    <section className="settings-section" aria-labelledby="sharing-history-title">
      <h2 id="sharing-history-title">{t('sharing.history.title')}</h2>
      {history.length === 0 && <p>{t('sharing.history.empty')}</p>}
      <ul className="share-history" data-testid="share-history">
        {history.map((week) => (
          <li key={week.week} className="share-history__week" data-week={week.week} data-state={week.state}>
            <strong dir="ltr">{week.week}</strong> <span>{t(`sharing.history.state.${week.state}`)}</span>
            <div className="hint">
              {week.sentAt !== null && t('sharing.history.sentAt', { at: when(week.sentAt) })}{' '}
              {week.revokedAt !== null && t('sharing.history.revokedAt', { at: when(week.revokedAt) })}
              {week.state === 'queued' && week.lastError && t('sharing.history.waiting')}
            </div>
            <details>
              <summary>{t('sharing.history.bytes')}</summary>
              <pre className="share-json" dir="ltr">
                {week.json}
              </pre>
            </details>
            {REVOCABLE.has(week.state) && (
              <button type="button" className="button button--danger" onClick={() => void revoke(week.week)}>
                {t('sharing.history.revoke', { week: week.week })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="share-actions">
        {anyHeld && (
          <button type="button" className="button button--danger" onClick={() => void revokeAll()}>
            {t('sharing.history.revokeAll')}
          </button>
        )}
        <button type="button" className="button" onClick={() => void checkCollector()}>
          {t('sharing.history.check')}
        </button>
      </div>
      {holding && (
        <p role="status" data-testid="share-holding">
          {holding.weeks.length === 0
            ? t('sharing.history.holdsNothing', { at: when(holding.checkedAt) })
            : t('sharing.history.holds', {
                weeks: holding.weeks.map((week) => week.week).join(', '),
                at: when(holding.checkedAt),
              })}
        </p>
      )}
    </section>
  );
}
