import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallState } from '../../../preload/contract';
import { useCallsStore } from '../stores/calls-store';

import { WarningControls } from './beyond/WarningControls';
import { CallQualityPanel } from './CallQualityPanel';
import { CallTimer } from './CallTimer';
import { isolate } from './format';
import { Keypad } from './Keypad';
import { remotePartyOf } from './remote-party';
import { TransferPanel } from './TransferPanel';
import { useDtmfKeys } from './use-dtmf-keys';

type Panel = 'keypad' | 'transfer' | 'quality' | null;

function statusKey(call: CallState): string {
  if (call.state !== 'active') return `calls.status.${call.state}`;
  if (call.heldByMe) return 'calls.status.held';
  if (call.heldByRemote) return 'calls.status.heldByRemote';
  return 'calls.status.active';
}

/** A call in progress: who, how long; Mute, Hold/Resume, Keypad, Transfer, Quality, Hang up; the recorded warning. */
export function InCallView({ call, consultFor }: { call: CallState; consultFor?: CallState }) {
  const { t } = useTranslation();
  const muted = useCallsStore((store) => Boolean(store.muted[call.id]));
  const { hold, hangup, toggleMute, sendDtmf, transferAttended } = useCallsStore.getState();
  const [panel, setPanel] = useState<Panel>(null);
  const titleId = useId();
  const { name, number } = remotePartyOf(call);
  const connected = call.state === 'active';
  // The call being talked on (not one on hold) takes digits typed anywhere as keypad tones.
  const talking = connected && !call.heldByMe;
  const sendTone = useCallback((tone: string) => void sendDtmf(call.id, tone), [sendDtmf, call.id]);
  useDtmfKeys(talking ? sendTone : null);
  const toggle = (name: Exclude<Panel, null>) => ({
    'aria-expanded': panel === name,
    onClick: () => setPanel(panel === name ? null : name),
  });
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
        <button type="button" className="button" disabled={!connected} {...toggle('keypad')}>
          {t('calls.keypad')}
        </button>
        <button type="button" className="button" disabled={!connected} {...toggle('transfer')}>
          {t('transfer.title')}
        </button>
        <button type="button" className="button" disabled={!connected} {...toggle('quality')}>
          {t('quality.title')}
        </button>
        <button
          type="button"
          className="button button--danger"
          data-rescue="call"
          onClick={() => void hangup(call.id)}
        >
          {t('calls.hangup')}
        </button>
      </div>
      <WarningControls call={call} />
      {consultFor && connected && (
        <button
          type="button"
          className="button button--primary"
          onClick={() => void transferAttended(consultFor.id, call.id)}
        >
          {t('transfer.complete', {
            who: isolate(remotePartyOf(consultFor).name ?? remotePartyOf(consultFor).number),
          })}
        </button>
      )}
      {panel === 'keypad' && (
        <Keypad label={t('calls.keypadLabel')} onKey={(key) => void sendDtmf(call.id, key)} />
      )}
      {panel === 'transfer' && <TransferPanel call={call} onDone={() => setPanel(null)} />}
      {panel === 'quality' && <CallQualityPanel callId={call.id} />}
    </section>
  );
}
