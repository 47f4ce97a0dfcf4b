import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { useCallsStore } from '../stores/calls-store';

/** A number field and a Call button; Enter in the field places the call. */
export function Dialer() {
  const { t } = useTranslation();
  const dial = useCallsStore((store) => store.dial);
  const [target, setTarget] = useState('');
  const hintId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (target.trim() && (await dial(target))) setTarget('');
  };
  return (
    <form className="dialer" onSubmit={(event) => void submit(event)}>
      <label htmlFor="dial-target">{t('calls.number')}</label>
      <div className="dialer__row">
        <input
          id="dial-target"
          className="dialer__input"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          dir="ltr"
          value={target}
          aria-describedby={hintId}
          onChange={(event) => setTarget(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={!target.trim()}>
          {t('calls.call')}
        </button>
      </div>
      <p id={hintId} className="field__hint">
        {t('calls.numberHint')}
      </p>
    </form>
  );
}
