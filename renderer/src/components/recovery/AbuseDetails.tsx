import { useTranslation } from 'react-i18next';

import { AbuseCategory } from '../../../../preload/contract';

export type Severity = 1 | 2 | 3;

interface Props {
  /** Open from the start (changing a mark shows what it had). */
  open?: boolean;
  categories: AbuseCategory[];
  /** None until the agent chooses one (nothing is recorded then). */
  severity: Severity | null;
  onCategories(categories: AbuseCategory[]): void;
  onSeverity(severity: Severity): void;
}

const SEVERITIES = [1, 2, 3] as const;

/** Optional details of an abusive call: what happened and how bad it was. */
export function AbuseDetails({ open, categories, severity, onCategories, onSeverity }: Props) {
  const { t } = useTranslation();
  const toggle = (category: AbuseCategory) =>
    onCategories(
      categories.includes(category)
        ? categories.filter((known) => known !== category)
        : [...categories, category],
    );
  return (
    <details className="abuse-details" open={open}>
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
