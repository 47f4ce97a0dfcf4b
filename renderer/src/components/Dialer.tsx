import { useId, useState, type ClipboardEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { useCallsStore } from '../stores/calls-store';

import { normalisePastedNumber } from './dial-input';
import { Keypad } from './Keypad';
import { isolate } from './format';

/** The number field (Enter calls; pasted numbers are cleaned up), a dial pad, Call and Redial. */
export function Dialer() {
  const { t } = useTranslation();
  const dial = useCallsStore((store) => store.dial);
  const lastDialled = useCallsStore((store) => store.lastDialled);
  const [target, setTarget] = useState('');
  const hintId = useId();
  const call = async (number: string) => {
    if (number.trim() && (await dial(number))) setTarget('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void call(target);
  };
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    const input = event.currentTarget;
    const pasted = normalisePastedNumber(event.clipboardData.getData('text'));
    const start = input.selectionStart ?? target.length;
    setTarget(target.slice(0, start) + pasted + target.slice(input.selectionEnd ?? start));
  };
  return (
    <form className="dialer" onSubmit={submit}>
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
          onPaste={paste}
        />
        <button type="submit" className="button button--primary" disabled={!target.trim()}>
          {t('calls.call')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!lastDialled}
          aria-label={lastDialled ? t('calls.redialTo', { number: isolate(lastDialled) }) : t('calls.redial')}
          onClick={() => lastDialled && void call(lastDialled)}
        >
          {t('calls.redial')}
        </button>
      </div>
      <p id={hintId} className="field__hint">
        {t('calls.numberHint')}
      </p>
      <Keypad label={t('calls.dialPad')} onKey={(key) => setTarget((value) => value + key)} />
    </form>
  );
}
