import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallState } from '../../../preload/contract';
import { useCallsStore } from '../stores/calls-store';

import { isolate } from './format';
import { Modal } from './Modal';

/**
 * Transfer a call, in a modal with the number field focused: straight away (blind, REFER), or
 * consult first: the consultation call is dialled and this call waits on hold; the consultation's
 * card then offers to complete the transfer. A refusal is shown here, beside the field.
 */
export function TransferPanel({ call, onDone }: { call: CallState; onDone(): void }) {
  const { t } = useTranslation();
  const { transferBlind, dial } = useCallsStore.getState();
  const failure = useCallsStore((store) => store.failure);
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const inputId = useId();
  const field = useRef<HTMLInputElement>(null);
  const run = async (action: () => Promise<boolean>) => {
    setBusy(true);
    setTried(true);
    const done = await action();
    setBusy(false);
    if (done) onDone();
    else field.current?.focus();
  };
  const blind = (event: FormEvent) => {
    event.preventDefault();
    if (target.trim()) void run(() => transferBlind(call.id, target));
  };
  return (
    <Modal
      open
      className="transfer-dialog"
      testId="transfer"
      initialFocus={field}
      onDismiss={onDone}
      title={<h2 className="confirm__title">{t('transfer.title')}</h2>}
    >
      <form className="transfer" onSubmit={blind} aria-busy={busy}>
        <label htmlFor={inputId}>{t('transfer.target')}</label>
        <input
          ref={field}
          id={inputId}
          className="dialer__input"
          type="tel"
          dir="ltr"
          autoComplete="off"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
        />
        <p className="field__hint">{t('transfer.hint')}</p>
        {tried && failure && (
          <p className="field__error" role="alert">
            {t('calls.failed', { message: isolate(failure) })}
          </p>
        )}
        <div className="confirm__actions">
          <button type="submit" className="button button--primary" disabled={!target.trim() || busy}>
            {t('transfer.blind')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!target.trim() || busy}
            onClick={() => void run(() => dial(target))}
          >
            {t('transfer.consult')}
          </button>
          <button type="button" className="button button--quiet" onClick={onDone}>
            {t('confirm.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
