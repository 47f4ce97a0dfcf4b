import { useTranslation } from 'react-i18next';

import { AbuseCategory } from '../../../../preload/contract';

interface Props {
  categories: AbuseCategory[];
  severity: 1 | 2 | 3;
  onCategories(categories: AbuseCategory[]): void;
  onSeverity(severity: 1 | 2 | 3): void;
}

const SEVERITIES = [1, 2, 3] as const;

/** Optional details of an abusive call: what happened and how bad it was. */
export function AbuseDetails({ categories, severity, onCategories, onSeverity }: Props) {
  const { t } = useTranslation();
  const toggle = (category: AbuseCategory) =>
    onCategories(
      categories.includes(category)
        ? categories.filter((known) => known !== category)
        : [...categories, category],
    );
  return (
    <details className="abuse-details">
      <summary>{t('recovery.mark.details')}</summary>
      <fieldset>
        <legend>{t('recovery.mark.whatHappened')}</legend>
        {AbuseCategory.options.map((category) => (
          <label key={category} className="choice">
            <input
              type="checkbox"
              checked={categories.includes(category)}
              onChange={() => toggle(category)}
            />
            {t(`recovery.category.${category}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('recovery.mark.severity')}</legend>
        {SEVERITIES.map((level) => (
          <label key={level} className="choice">
            <input
              type="radio"
              name="abuse-severity"
              checked={severity === level}
              onChange={() => onSeverity(level)}
            />
            {t(`recovery.severity.${level}`)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
