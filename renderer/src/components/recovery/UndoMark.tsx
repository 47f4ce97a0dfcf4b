import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MarkReceipt } from '../../../../preload/contract';
import { secondsUntil, useRecoveryStore } from '../../stores/recovery-store';

/** Undo for a fresh mark, while main still allows it (10 seconds); then it goes (Change stays). */
export function UndoMark({ receipt }: { receipt: MarkReceipt }) {
  const { t } = useTranslation();
  const offset = useRecoveryStore((store) => store.clockOffsetMs);
  const [left, setLeft] = useState(() => secondsUntil(receipt.undoUntil, offset));
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsUntil(receipt.undoUntil, offset)), 250);
    return () => clearInterval(timer);
  }, [receipt.undoUntil, offset]);
  if (left === 0) return null;
  return (
    <button
      type="button"
      className="button button--quiet"
      onClick={() => void useRecoveryStore.getState().undo()}
    >
      {t('recovery.mark.undo', { seconds: left })}
    </button>
  );
}
