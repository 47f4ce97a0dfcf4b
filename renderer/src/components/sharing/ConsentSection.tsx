import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SharingView } from '../../../../preload/contract';
import type { SharingConsent } from '../../../../preload/schemas/team-summary';
import { useSharingStore } from '../../stores/sharing-store';

const CONSENTS: SharingConsent[] = ['none', 'anonymous', 'named'];
const MODES = ['ask', 'auto'] as const;

/** One choice among a few, as radio buttons in a fieldset with its legend. */
function RadioGroup<T extends string>(props: {
  disabled: boolean;
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T;
  onChange(value: T): void;
}) {
  return (
    <fieldset disabled={props.disabled}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className="field field--check">
          <input
            type="radio"
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

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
      <RadioGroup<SharingConsent>
        disabled={!allowed}
        legend={t('sharing.consent.legend')}
        name="sharing-consent"
        options={CONSENTS.map((option) => ({ value: option, label: t(`sharing.consent.${option}`) }))}
        value={consent}
        onChange={setConsent}
      />
      {consent === 'named' && (
        <label className="field">
          {t('sharing.consent.name')}
          <input value={name} maxLength={80} dir="auto" onChange={(event) => setName(event.target.value)} />
        </label>
      )}
      <RadioGroup<(typeof MODES)[number]>
        disabled={!allowed || consent === 'none'}
        legend={t('sharing.mode.legend')}
        name="sharing-mode"
        options={MODES.map((option) => ({ value: option, label: t(`sharing.mode.${option}`) }))}
        value={mode}
        onChange={setMode}
      />
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
