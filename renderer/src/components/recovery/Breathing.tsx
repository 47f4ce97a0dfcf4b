import { useTranslation } from 'react-i18next';

/** Breathing pace: in for 4 s, out for 6 s (slow exhalations calm the body down). */
const IN_MS = 4000;
const CYCLE_MS = 10_000;

/**
 * A circle that grows as the agent breathes in and shrinks as they breathe out, with the words.
 * Reduced motion (the system's or Steadyline's setting): the circle stays still; only the words change.
 */
export function Breathing({ sinceMs, still }: { sinceMs: number; still: boolean }) {
  const { t } = useTranslation();
  const inhaling = sinceMs % CYCLE_MS < IN_MS;
  const phase = inhaling ? 'in' : 'out';
  return (
    <div className="breathing" data-testid="breathing" data-motion={still ? 'still' : 'moving'}>
      <div className={`breathing__circle breathing__circle--${phase}`} aria-hidden="true" />
      <p className="breathing__words">{t(`recovery.break.breathe.${phase}`)}</p>
    </div>
  );
}
