import { useTranslation } from 'react-i18next';

/** The note under a setting IT locked; give the control `aria-describedby={id}`. */
export function SetByIt({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="field__hint field__hint--it">
      {t('settings.setByIt')}
    </p>
  );
}
