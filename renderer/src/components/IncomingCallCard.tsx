import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallState } from '../../../preload/contract';
import { currentCall, useCallsStore } from '../stores/calls-store';

import { MarkedBeforeNotice } from './beyond/MarkedBeforeNotice';
import { remotePartyOf } from './remote-party';
import { isolate } from './format';

/** A ringing call: who is calling, Answer and Decline; a call waiting says the current call will be held. */
export function IncomingCallCard({ call, onAnswered }: { call: CallState; onAnswered?(): void }) {
  const { t } = useTranslation();
  const answer = useCallsStore((store) => store.answer);
  const decline = useCallsStore((store) => store.decline);
  const talkingTo = useCallsStore((store) => currentCall(store.calls));
  const titleId = useId();
  const { name, number } = remotePartyOf(call);
  const held = talkingTo ? (remotePartyOf(talkingTo).name ?? remotePartyOf(talkingTo).number) : '';
  return (
    <section
      className={`call-card call-card--incoming${call.waiting ? ' call-card--waiting' : ''}`}
      aria-labelledby={titleId}
      data-testid={call.waiting ? 'waiting-call' : 'incoming-call'}
    >
      <h2 id={titleId}>{call.waiting ? t('calls.waitingTitle') : t('calls.incoming')}</h2>
      <p className="call-card__name">{name ?? number}</p>
      {name && (
        <p className="call-card__number">
          <bdi>{number}</bdi>
        </p>
      )}
      {call.waiting && <p className="field__hint">{t('calls.waitingHint', { who: isolate(held) })}</p>}
      <MarkedBeforeNotice call={call} />
      <div className="call-card__actions">
        <button
          type="button"
          className="button button--answer"
          data-rescue="ringing"
          onClick={() => {
            onAnswered?.();
            void answer(call.id);
          }}
        >
          {call.waiting ? t('calls.answerAndHold') : t('calls.answer')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void decline(call.id)}>
          {t('calls.decline')}
        </button>
      </div>
    </section>
  );
}
