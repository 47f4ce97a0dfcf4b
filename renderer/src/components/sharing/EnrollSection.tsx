import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SharingView } from '../../../../preload/contract';
import { useSharingStore } from '../../stores/sharing-store';
import { TextField } from '../TextField';

/** Connects this computer to the team's collector once, with the team's code. */
export function EnrollSection({ view }: { view: SharingView }) {
  const { t, i18n } = useTranslation();
  const [url, setUrl] = useState(view.collectorUrl ?? '');
  const [code, setCode] = useState('');
  if (view.consent === 'none') return null;
  if (view.enrollment) {
    const since = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(
      view.enrollment.enrolledAt,
    );
    return (
      <section className="settings-section" aria-labelledby="sharing-enroll-title">
        <h2 id="sharing-enroll-title">{t('sharing.enroll.title')}</h2>
        <p data-testid="sharing-enrolled">
          {t('sharing.enroll.enrolled', { team: view.enrollment.teamName, since })}
        </p>
      </section>
    );
  }
  const enroll = () =>
    void useSharingStore.getState().enroll({
      ...(view.policy.enrollmentCodeSetByIt || code.trim() === '' ? {} : { code: code.trim() }),
      ...(view.policy.collectorUrlSetByIt || url.trim() === '' ? {} : { collectorUrl: url.trim() }),
    });
  return (
    <section className="settings-section" aria-labelledby="sharing-enroll-title">
      <h2 id="sharing-enroll-title">{t('sharing.enroll.title')}</h2>
      <p>{t('sharing.enroll.intro')}</p>
      {view.policy.collectorUrlSetByIt ? (
        <p>{t('sharing.enroll.urlSetByIt', { url: view.collectorUrl })}</p>
      ) : (
        <TextField label={t('sharing.enroll.url')} value={url} onChange={setUrl} type="url" dir="ltr" />
      )}
      {view.policy.enrollmentCodeSetByIt ? (
        <p>{t('sharing.enroll.codeSetByIt')}</p>
      ) : (
        <TextField label={t('sharing.enroll.code')} value={code} onChange={setCode} dir="ltr" />
      )}
      <button type="button" className="button button--primary" onClick={enroll}>
        {t('sharing.enroll.connect')}
      </button>
    </section>
  );
}
