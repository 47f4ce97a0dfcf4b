import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallState } from '../../../preload/contract';
import { useCallsStore } from '../stores/calls-store';

/**
 * Transfer a call: straight away (blind, REFER), or consult first: the consultation call is dialled
 * and this call waits on hold; the consultation's card then offers to complete the transfer.
 */
export function TransferPanel({ call, onDone }: { call: CallState; onDone(): void }) {
  const { t } = useTranslation();
  const { transferBlind, dial } = useCallsStore.getState();
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const run = async (action: () => Promise<boolean>) => {
    setBusy(true);
    const done = await action();
    setBusy(false);
    if (done) onDone();
  };
  const blind = (event: FormEvent) => {
    event.preventDefault();
    if (target.trim()) void run(() => transferBlind(call.id, target));
  };
  return (
    <form className="transfer" onSubmit={blind} aria-busy={busy}>
      <label htmlFor={inputId}>{t('transfer.target')}</label>
      <div className="dialer__row">
        <input
          id={inputId}
          className="dialer__input"
          type="tel"
          dir="ltr"
          autoComplete="off"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
        />
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
      </div>
      <p className="field__hint">{t('transfer.hint')}</p>
    </form>
  );
}
