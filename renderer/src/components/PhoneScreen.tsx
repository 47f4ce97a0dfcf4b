import { useTranslation } from 'react-i18next';

import { useRegistrationStore } from '../stores/registration-store';

export function PhoneScreen() {
  const { t } = useTranslation();
  const configured = useRegistrationStore((store) => store.registration.state !== 'not-configured');
  return (
    <section className="screen" aria-labelledby="phone-title">
      <h1 id="phone-title">{t('phone.title')}</h1>
      <p>{configured ? t('phone.ready') : t('phone.notConfigured')}</p>
    </section>
  );
}
