import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { useSharingStore } from '../../stores/sharing-store';

import { ConsentSection } from './ConsentSection';
import { EnrollSection } from './EnrollSection';
import { SharedHistory } from './SharedHistory';
import { WeekPreview } from './WeekPreview';

/** Sharing with your team lead: consent, enrollment, last week's preview, the shared history. */
export function ShareScreen() {
  const { t } = useTranslation();
  const view = useSharingStore((store) => store.view);
  const preview = useSharingStore((store) => store.preview);
  const failure = useSharingStore((store) => store.failure);
  useEffect(() => {
    void useSharingStore.getState().load();
    return useSharingStore.getState().follow();
  }, []);
  if (!view) return <p>{t('app.loading')}</p>;
  return (
    <div className="share-screen">
      <h1>{t('sharing.title')}</h1>
      {failure && (
        <p role="alert" className="field__error">
          {failure}
        </p>
      )}
      <ConsentSection key={`${view.consent}/${view.mode}/${view.name ?? ''}`} view={view} />
      <EnrollSection view={view} />
      {preview && <WeekPreview view={view} preview={preview} />}
      <SharedHistory />
    </div>
  );
}
