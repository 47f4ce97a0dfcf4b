import { useTranslation } from 'react-i18next';

import { useAppStore } from '../stores/app-store';

/** Notices from main (a recovered journal, a password kept only for this session). */
export function NoticeBanner() {
  const { t } = useTranslation();
  const notices = useAppStore((store) => store.notices);
  const dismiss = useAppStore((store) => store.dismiss);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notices.label')}>
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.severity}`} role="alert">
          <p>{t(`notices.${notice.kind}`, notice.details)}</p>
          <button type="button" className="button button--quiet" onClick={() => void dismiss(notice.id)}>
            {t('notices.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
