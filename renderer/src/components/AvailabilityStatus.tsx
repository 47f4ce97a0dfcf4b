import { useTranslation } from 'react-i18next';

import { useAvailabilityStore } from '../stores/availability-store';
import { useCallsStore } from '../stores/calls-store';
import { useRegistrationStore } from '../stores/registration-store';
import { isolate } from './format';

export type AgentStatus = 'available' | 'on-call' | 'break' | 'dnd' | 'offline';

/** What the agent is, in one word: offline unless registered; a call beats availability. */
export function agentStatus(registered: boolean, onCall: boolean, availability: string): AgentStatus {
  if (!registered) return 'offline';
  if (onCall) return 'on-call';
  if (availability === 'break' || availability === 'dnd') return availability;
  return 'available';
}

/** The agent's availability and the do-not-disturb toggle, beside the registration status. */
export function AvailabilityStatus() {
  const { t } = useTranslation();
  const registered = useRegistrationStore((store) => store.registration.state === 'registered');
  const onCall = useCallsStore((store) => store.calls.some((call) => call.state === 'active'));
  const availability = useAvailabilityStore((store) => store.availability);
  const failure = useAvailabilityStore((store) => store.failure);
  const setDoNotDisturb = useAvailabilityStore((store) => store.setDoNotDisturb);
  const status = agentStatus(registered, onCall, availability);
  return (
    <div className="availability">
      <span
        className={`availability__badge availability__badge--${status}`}
        role="status"
        aria-live="polite"
        aria-label={t('availability.label')}
        data-testid="availability-status"
      >
        {t(`availability.${status}`)}
      </span>
      <button
        type="button"
        className="button button--quiet"
        aria-pressed={availability === 'dnd'}
        disabled={availability === 'break'}
        onClick={() => void setDoNotDisturb(availability !== 'dnd')}
      >
        {t('availability.dndToggle')}
      </button>
      {failure && (
        <span role="alert" className="call-failure">
          {t('calls.failed', { message: isolate(failure) })}
        </span>
      )}
    </div>
  );
}
