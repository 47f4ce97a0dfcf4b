import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallState } from '../../../preload/contract';
import { useCallsStore } from '../stores/calls-store';

import { remotePartyOf } from './remote-party';

/** A ringing call: who is calling, Answer and Decline. */
export function IncomingCallCard({ call }: { call: CallState }) {
  const { t } = useTranslation();
  const answer = useCallsStore((store) => store.answer);
  const decline = useCallsStore((store) => store.decline);
  const titleId = useId();
  const { name, number } = remotePartyOf(call);
  return (
    <section className="call-card call-card--incoming" aria-labelledby={titleId} data-testid="incoming-call">
      <h2 id={titleId}>{t('calls.incoming')}</h2>
      <p className="call-card__name">{name ?? number}</p>
      {name && (
        <p className="call-card__number">
          <bdi>{number}</bdi>
        </p>
      )}
      <div className="call-card__actions">
        <button type="button" className="button button--answer" onClick={() => void answer(call.id)}>
          {t('calls.answer')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void decline(call.id)}>
          {t('calls.decline')}
        </button>
      </div>
    </section>
  );
}
