import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SharingView } from '../../../../preload/contract';
import type { SharingConsent } from '../../../../preload/schemas/team-summary';
import { useSharingStore } from '../../stores/sharing-store';

const CONSENTS: SharingConsent[] = ['none', 'anonymous', 'named'];

/**
 * The form starts from main's choice; ShareScreen remounts it (a key) when that choice changes.
 * "Don't share" / "count me in the anonymous totals" / "with my name", and ask or automatic.
 */
export function ConsentSection({ view }: { view: SharingView }) {
  const { t } = useTranslation();
  const [consent, setConsent] = useState(view.consent);
  const [mode, setMode] = useState(view.mode);
  const [name, setName] = useState(view.name ?? '');
  const allowed = view.policy.sharingAllowed;
  const save = () =>
    void useSharingStore
      .getState()
      .setSharing({ consent, mode, name: name.trim() === '' ? null : name.trim() });

  return (
    <section className="settings-section" aria-labelledby="sharing-consent-title">
      <h2 id="sharing-consent-title">{t('sharing.consent.title')}</h2>
      <p>{t('sharing.consent.intro')}</p>
      {!allowed && <p role="status">{t('sharing.consent.disabledByIt')}</p>}
      <fieldset disabled={!allowed}>
        <legend>{t('sharing.consent.legend')}</legend>
        {CONSENTS.map((option) => (
          <label key={option} className="field field--check">
            <input
              type="radio"
              name="sharing-consent"
              value={option}
              checked={consent === option}
              onChange={() => setConsent(option)}
            />
            {t(`sharing.consent.${option}`)}
          </label>
        ))}
      </fieldset>
      {consent === 'named' && (
        <label className="field">
          {t('sharing.consent.name')}
          <input value={name} maxLength={80} dir="auto" onChange={(event) => setName(event.target.value)} />
        </label>
      )}
      <fieldset disabled={!allowed || consent === 'none'}>
        <legend>{t('sharing.mode.legend')}</legend>
        {(['ask', 'auto'] as const).map((option) => (
          <label key={option} className="field field--check">
            <input
              type="radio"
              name="sharing-mode"
              value={option}
              checked={mode === option}
              onChange={() => setMode(option)}
            />
            {t(`sharing.mode.${option}`)}
          </label>
        ))}
      </fieldset>
      {!view.choicePersists && <p className="hint">{t('sharing.consent.sessionOnly')}</p>}
      <button
        type="button"
        className="button button--primary"
        disabled={!allowed || (consent === 'named' && name.trim() === '')}
        onClick={save}
      >
        {t('sharing.consent.save')}
      </button>
    </section>
  );
}
