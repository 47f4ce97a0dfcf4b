import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AbuseCategory, CallState } from '../../../../preload/contract';
import { bridge } from '../../bridge';
import { useRecoveryStore } from '../../stores/recovery-store';

import { AbuseDetails } from './AbuseDetails';
import { UndoMark } from './UndoMark';

/**
 * Marking the current call (or the one that just ended): abusive, with optional details; a call
 * to be proud of; and, for an abusive caller, one button that marks and hands the call to the lead.
 */
export function MarkCallBar({ call }: { call: CallState }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [categories, setCategories] = useState<AbuseCategory[]>([]);
  const [severity, setSeverity] = useState<1 | 2 | 3>(2);
  const leadUri = useRecoveryStore((store) => store.settings?.policy.leadUri ?? null);
  const lastMark = useRecoveryStore((store) => store.lastMark);
  const failure = useRecoveryStore((store) => store.failure);
  const { mark } = useRecoveryStore.getState();
  const markAbusive = () => mark({ callId: call.id, kind: 'abusive', severity, categories });
  const handOff = async () => {
    if (!leadUri || !(await markAbusive())) return;
    const result = await bridge().phone.transferBlind({ callId: call.id, target: leadUri });
    if (!result.ok) useRecoveryStore.setState({ failure: result.error.message });
  };
  const marked = lastMark?.callId === call.id ? lastMark : null;
  return (
    <section className="mark-bar" aria-labelledby={titleId} data-testid="mark-bar">
      <h2 id={titleId} className="mark-bar__title">
        {call.state === 'ended' ? t('recovery.mark.titleEnded') : t('recovery.mark.title')}
      </h2>
      <AbuseDetails
        categories={categories}
        severity={severity}
        onCategories={setCategories}
        onSeverity={setSeverity}
      />
      <div className="mark-bar__actions">
        <button type="button" className="button button--danger" onClick={() => void markAbusive()}>
          {t('recovery.mark.abusive')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void mark({ callId: call.id, kind: 'proud' })}
        >
          {t('recovery.mark.proud')}
        </button>
        {leadUri && call.state === 'active' && (
          <button type="button" className="button" onClick={() => void handOff()}>
            {t('recovery.mark.toLead')}
          </button>
        )}
      </div>
      {marked && <UndoMark receipt={marked} />}
      {failure && (
        <p className="mark-bar__failure" role="alert">
          {t('recovery.failed', { message: failure })}
        </p>
      )}
    </section>
  );
}
