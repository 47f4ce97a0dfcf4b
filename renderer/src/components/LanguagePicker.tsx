import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { Language } from '../../../preload/contract';
import { useSettingsStore } from '../stores/settings-store';

import { useLockedByIt } from './policy-lock';
import { SetByIt } from './SetByIt';

export function LanguagePicker() {
  const { t } = useTranslation();
  const id = useId();
  const language = useSettingsStore((store) => store.view?.language ?? 'en');
  const setLanguage = useSettingsStore((store) => store.setLanguage);
  const locked = useLockedByIt().includes('Language');
  return (
    <section className="language-picker">
      <h2>{t('settings.languageSection')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('settings.language')}</label>
        <select
          id={id}
          value={language}
          disabled={locked}
          aria-describedby={locked ? `${id}-it` : undefined}
          onChange={(event) => void setLanguage(Language.parse(event.target.value))}
        >
          {Language.options.map((option) => (
            <option key={option} value={option} lang={option}>
              {t(`languages.${option}`)}
            </option>
          ))}
        </select>
        {locked && <SetByIt id={`${id}-it`} />}
      </div>
    </section>
  );
}
