import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useRecoveryStore } from '../../stores/recovery-store';
import { ConfirmDialog } from '../ConfirmDialog';

/** "I need a moment": a break now (or after the call), once the agent confirms how long it is. */
export function NeedAMoment() {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const policy = useRecoveryStore((store) => store.settings?.policy ?? null);
  return (
    <>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t('recovery.break.needAMoment')}
      </button>
      <ConfirmDialog
        open={asking}
        testId="confirm-break"
        title={t('recovery.break.confirmTitle')}
        confirmLabel={t('recovery.break.confirmYes')}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void useRecoveryStore.getState().startBreak();
        }}
      >
        {policy && (
          <p>
            {t('recovery.break.confirmBody', {
              seconds: policy.defaultBreakSeconds,
              floor: policy.minimumBreakSeconds,
            })}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
