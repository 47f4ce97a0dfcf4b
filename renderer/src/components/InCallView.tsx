import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallState } from '../../../preload/contract';
import { useCallsStore } from '../stores/calls-store';

import { CallTimer } from './CallTimer';
import { remotePartyOf } from './remote-party';

function statusKey(call: CallState): string {
  if (call.state !== 'active') return `calls.status.${call.state}`;
  if (call.heldByMe) return 'calls.status.held';
  if (call.heldByRemote) return 'calls.status.heldByRemote';
  return 'calls.status.active';
}

/** The call in progress: who, how long, and Mute, Hold/Resume, Hang up. */
export function InCallView({ call }: { call: CallState }) {
  const { t } = useTranslation();
  const muted = useCallsStore((store) => Boolean(store.muted[call.id]));
  const { hold, hangup, toggleMute } = useCallsStore.getState();
  const titleId = useId();
  const { name, number } = remotePartyOf(call);
  const connected = call.state === 'active';
  return (
    <section className="call-card call-card--active" aria-labelledby={titleId} data-testid="in-call">
      <h2 id={titleId}>{name ?? number}</h2>
      {name && (
        <p className="call-card__number">
          <bdi>{number}</bdi>
        </p>
      )}
      <p className="call-card__status" role="status">
        {t(statusKey(call))}
        {call.answeredAt !== null && (
          <>
            {' · '}
            <CallTimer since={call.answeredAt} />
          </>
        )}
      </p>
      <div className="call-card__actions">
        <button
          type="button"
          className="button"
          aria-pressed={muted}
          disabled={!connected}
          onClick={() => toggleMute(call.id)}
        >
          {t('calls.mute')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!connected}
          onClick={() => void hold(call.id, !call.heldByMe)}
        >
          {call.heldByMe ? t('calls.resume') : t('calls.hold')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void hangup(call.id)}>
          {t('calls.hangup')}
        </button>
      </div>
    </section>
  );
}
