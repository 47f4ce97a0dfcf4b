import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { EventOf } from '../../../preload/contract';
import { bridge } from '../bridge';
import { useCallsStore } from '../stores/calls-store';

import { ConfirmDialog } from './ConfirmDialog';

/** A tel:/sip:/callto: link opened Steadyline: nothing is dialled until the agent says so. */
export function DialLinkConfirm() {
  const { t } = useTranslation();
  const [link, setLink] = useState<EventOf<'shell:dialLink'> | null>(null);
  useEffect(() => bridge().shell.onDialLink(setLink), []);
  const close = () => setLink(null);
  return (
    <ConfirmDialog
      open={link !== null}
      title={t('dialLink.title')}
      confirmLabel={t('dialLink.call')}
      onConfirm={() => {
        if (link) void useCallsStore.getState().dial(link.target);
        close();
      }}
      onCancel={close}
      testId="dial-link-confirm"
    >
      <p>
        {t('dialLink.body')} <bdi dir="ltr">{link?.display}</bdi>
      </p>
    </ConfirmDialog>
  );
}
