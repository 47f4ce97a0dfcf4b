import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallState } from '../../../../preload/contract';
import { bridge } from '../../bridge';
import { useErrorText, type ShownError } from '../../i18n/error-text';
import { useRecoveryStore } from '../../stores/recovery-store';
import { isolate } from '../format';

/** "3 March" (with the year when it is not the year of this call), in the agent's language. */
export function markedOn(at: number, callStartedAt: number, language: string): string {
  const sameYear = new Date(at).getFullYear() === new Date(callStartedAt).getFullYear();
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at);
}

/**
 * The heads-up on a ringing call from a caller this agent marked abusive before (main found it in
 * this agent's own journal): said once, quietly, with "Transfer to my lead" before answering.
 * Transferring answers the call and hands it on at once (a ringing call cannot be REFERred).
 */
export function MarkedBeforeNotice({ call }: { call: CallState }) {
  const { t, i18n } = useTranslation();
  const leadUri = useRecoveryStore((store) => store.settings?.policy.leadUri ?? null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const errorText = useErrorText();
  if (!call.markedBefore) return null;
  const date = markedOn(call.markedBefore.at, call.startedAt, i18n.language);
  const toLead = async () => {
    if (!leadUri) return;
    setBusy(true);
    setFailure(null);
    const answered = await bridge().phone.answer({ callId: call.id });
    const result = answered.ok
      ? await bridge().phone.transferBlind({ callId: call.id, target: leadUri })
      : answered;
    if (!result.ok) setFailure(result.error);
    setBusy(false);
  };
  return (
    <div className="marked-before" data-testid="marked-before">
      <p className="field__hint">{t('beyond.markedBefore.notice', { date: isolate(date) })}</p>
      {leadUri && (
        <button type="button" className="button" disabled={busy} onClick={() => void toLead()}>
          {t('recovery.mark.toLead')}
        </button>
      )}
      {failure && (
        <p className="field__error" role="alert">
          {t('beyond.markedBefore.transferFailed', { reason: isolate(errorText(failure)) })}
        </p>
      )}
    </div>
  );
}
