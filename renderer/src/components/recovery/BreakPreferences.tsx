import { useTranslation } from 'react-i18next';

import type { RecoveryPreferences } from '../../../../preload/contract';
import { useRecoveryStore } from '../../stores/recovery-store';

const SWITCHES: Array<keyof RecoveryPreferences> = ['reducedMotion', 'chime', 'loudCallSuggestion'];

/** The agent's own break preferences, and the policy IT set (shown, not editable). */
export function BreakPreferences() {
  const { t } = useTranslation();
  const settings = useRecoveryStore((store) => store.settings);
  if (!settings) return null;
  const { policy, preferences } = settings;
  return (
    <section aria-labelledby="break-preferences-title">
      <h2 id="break-preferences-title">{t('recovery.preferences.title')}</h2>
      {SWITCHES.map((key) => (
        <label key={key} className="choice">
          <input
            type="checkbox"
            checked={preferences[key]}
            onChange={(event) =>
              void useRecoveryStore.getState().setPreferences({ [key]: event.target.checked })
            }
          />
          {t(`recovery.preferences.${key}`)}
        </label>
      ))}
      <p className="field__hint">
        {t('recovery.preferences.policy', {
          seconds: policy.defaultBreakSeconds,
          floor: policy.minimumBreakSeconds,
          ceiling: policy.maximumBreakSeconds,
          minutes: policy.markWindowMinutes,
        })}
      </p>
    </section>
  );
}
