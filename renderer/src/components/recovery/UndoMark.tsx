import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MarkReceipt } from '../../../../preload/contract';
import { secondsUntil, useRecoveryStore } from '../../stores/recovery-store';

/** What the mark did, and Undo while main still allows it (10 seconds). */
export function UndoMark({ receipt }: { receipt: MarkReceipt }) {
  const { t } = useTranslation();
  const offset = useRecoveryStore((store) => store.clockOffsetMs);
  const [left, setLeft] = useState(() => secondsUntil(receipt.undoUntil, offset));
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsUntil(receipt.undoUntil, offset)), 250);
    return () => clearInterval(timer);
  }, [receipt.undoUntil, offset]);
  // Once it can no longer be undone the mark has done its work (the break follows the call).
  if (left === 0) return null;
  return (
    <p className="mark-bar__done" role="status">
      {receipt.kind === 'abusive' ? t('recovery.mark.markedAbusive') : t('recovery.mark.markedProud')}{' '}
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void useRecoveryStore.getState().undo()}
      >
        {t('recovery.mark.undo', { seconds: left })}
      </button>
    </p>
  );
}
