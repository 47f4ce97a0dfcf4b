import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';

import { useCallsStore } from '../stores/calls-store';

import { IncomingCallCard } from './IncomingCallCard';

/**
 * Every ringing call, above whatever screen is showing (phone, history, journal, settings, the
 * reflection): modals give way while a call rings (see `Modal`), so a call never rings unseen.
 * Answering shows the phone screen, where the call goes on.
 */
export function RingingLayer({ onAnswered }: { onAnswered(): void }) {
  const { t } = useTranslation();
  const ringing = useCallsStore(
    useShallow((store) =>
      store.calls.filter((call) => call.direction === 'inbound' && call.state === 'ringing'),
    ),
  );
  if (ringing.length === 0) return null;
  return (
    <section className="ringing-layer" aria-label={t('calls.ringingRegion')} data-testid="ringing-layer">
      {ringing.map((call) => (
        <IncomingCallCard key={call.id} call={call} onAnswered={onAnswered} />
      ))}
    </section>
  );
}
