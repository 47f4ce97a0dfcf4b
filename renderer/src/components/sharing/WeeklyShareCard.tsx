import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { bridge } from '../../bridge';
import { useSharingStore } from '../../stores/sharing-store';

/** "Ask me each week": when a week is complete, a card offers to review and share it, or skip it. */
export function WeeklyShareCard({ onReview }: { onReview(): void }) {
  const { t } = useTranslation();
  const week = useSharingStore((store) => store.view?.pendingWeek ?? null);
  useEffect(() => {
    void bridge()
      .summaries.get()
      .then((result) => result.ok && useSharingStore.setState({ view: result.value }));
    return bridge().summaries.onChanged((view) => useSharingStore.setState({ view }));
  }, []);
  if (!week) return null;
  return (
    <aside className="share-card" aria-labelledby="share-card-title" data-testid="share-card">
      <h2 id="share-card-title">{t('sharing.card.title', { week })}</h2>
      <p>{t('sharing.card.body')}</p>
      <div className="share-actions">
        <button type="button" className="button button--primary" onClick={onReview}>
          {t('sharing.card.review')}
        </button>
        <button type="button" className="button" onClick={() => void useSharingStore.getState().skip(week)}>
          {t('sharing.card.skip')}
        </button>
      </div>
    </aside>
  );
}
