import { useTranslation } from 'react-i18next';

import type { RegistrationState } from '../../../preload/contract';
import { useRegistrationStore } from '../stores/registration-store';

function describe(
  registration: RegistrationState,
  t: (key: string, values?: Record<string, unknown>) => string,
) {
  switch (registration.state) {
    case 'registered':
      return t('registration.registered', { aor: registration.aor });
    case 'unreachable':
      // A certificate problem is IT's to fix: say exactly which, not the socket's "1006".
      if (registration.certificate) {
        return t(`registration.certificate-${registration.certificate}`, {
          seconds: registration.nextAttemptInSeconds,
        });
      }
      return t('registration.unreachable', {
        seconds: registration.nextAttemptInSeconds,
        reason: registration.reason,
      });
    case 'retrying':
      return t(`registration.${registration.state}`, {
        seconds: registration.nextAttemptInSeconds,
        reason: registration.reason,
      });
    case 'auth-failed':
      return t('registration.auth-failed', { reason: registration.reason });
    default:
      return t(`registration.${registration.state}`);
  }
}

/** The phone's registration state, announced politely to screen readers when it changes. */
export function StatusArea() {
  const { t } = useTranslation();
  const registration = useRegistrationStore((store) => store.registration);
  return (
    <div
      className={`status status--${registration.state}`}
      role="status"
      aria-live="polite"
      aria-label={t('registration.label')}
      data-testid="registration-status"
    >
      <span className="status__dot" aria-hidden="true" />
      {describe(registration, t)}
    </div>
  );
}
