import { useTranslation } from 'react-i18next';

import type { CallState } from '../../../preload/contract';
import { useCallsStore } from '../stores/calls-store';
import { useRegistrationStore } from '../stores/registration-store';

import { DeviceFallbackBanner } from './DeviceFallbackBanner';
import { Dialer } from './Dialer';
import { InCallView } from './InCallView';
import { endReasonOf, isolate } from './format';
import { numberOf } from './remote-party';

/** The call in progress, or else the dialer (ringing calls show above every screen: `RingingLayer`). */
export function PhoneScreen() {
  const { t } = useTranslation();
  const configured = useRegistrationStore((store) => store.registration.state !== 'not-configured');
  const calls = useCallsStore((store) => store.calls);
  const lastEnded = useCallsStore((store) => store.lastEnded);
  const failure = useCallsStore((store) => store.failure);
  const ringing = calls.filter((call) => call.direction === 'inbound' && call.state === 'ringing');
  const current = calls.filter((call) => !ringing.includes(call));
  // Two calls up, one on hold: the other may be a consultation, so its card offers to join them.
  const heldByMe = current.find((call) => call.state === 'active' && call.heldByMe);
  const consultFor = (call: CallState) => (call !== heldByMe && !call.heldByMe ? heldByMe : undefined);
  return (
    <section className="screen" aria-labelledby="phone-title">
      <h1 id="phone-title" tabIndex={-1} data-rescue="screen">
        {t('phone.title')}
      </h1>
      <DeviceFallbackBanner />
      {!configured && <p>{t('phone.notConfigured')}</p>}
      {failure && (
        <p className="call-failure" role="alert">
          {t('calls.failed', { message: isolate(failure) })}
        </p>
      )}
      {current.map((call) => (
        <InCallView key={call.id} call={call} consultFor={consultFor(call)} />
      ))}
      {configured && current.length === 0 && <Dialer />}
      {lastEnded && current.length === 0 && ringing.length === 0 && (
        <p className="call-ended" role="status" data-testid="call-ended">
          {t('calls.ended', {
            who: isolate(lastEnded.remote.displayName ?? numberOf(lastEnded.remote.uri)),
            reason: t(`calls.endReason.${endReasonOf(lastEnded) ?? 'failed'}`, {
              defaultValue: lastEnded.endReason,
            }),
          })}
        </p>
      )}
    </section>
  );
}
