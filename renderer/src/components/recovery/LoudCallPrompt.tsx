import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallState } from '../../../../preload/contract';
import { loudnessOf } from '../../media/loudness';
import { useRecoveryStore } from '../../stores/recovery-store';

/** After a call with sustained shouting: "That call got loud — mark it as abusive?" (if the agent wants the offer). */
export function LoudCallPrompt({ call }: { call: CallState }) {
  const { t } = useTranslation();
  const enabled = useRecoveryStore((store) => store.settings?.preferences.loudCallSuggestion ?? true);
  const marked = useRecoveryStore((store) => Boolean(store.marks[call.id]));
  const [dismissed, setDismissed] = useState(false);
  if (!enabled || marked || dismissed || !loudnessOf(call.id)?.loud) return null;
  return (
    <p className="loud-call" role="status" data-testid="loud-call">
      {t('recovery.loud.question')}{' '}
      <button
        type="button"
        className="button button--danger"
        onClick={() =>
          void useRecoveryStore
            .getState()
            .mark({ callId: call.id, kind: 'abusive', categories: ['shouting'] })
        }
      >
        {t('recovery.loud.mark')}
      </button>{' '}
      <button type="button" className="button button--quiet" onClick={() => setDismissed(true)}>
        {t('recovery.loud.no')}
      </button>
    </p>
  );
}
