import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { ActiveBreak, RecoveryState } from '../../../../preload/contract';
import { secondsUntil, useRecoveryStore } from '../../stores/recovery-store';
import { Modal } from '../Modal';

import { Breathing } from './Breathing';
import { minutesAndSeconds, useNow } from './use-now';
import { isolate } from '../format';
import { useErrorText } from '../../i18n/error-text';

/** How many short reframes each language has (recovery.break.reframes.0 …). */
export const REFRAME_COUNT = 6;

function systemPrefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/**
 * The recovery break: a calm full-window screen with guided breathing, the time left, one short
 * reframe, and nothing to answer. The agent may add time (up to the policy's ceiling) and end the
 * break once the policy's floor has passed.
 */
export function BreakScreen({ active, state }: { active: ActiveBreak; state: RecoveryState }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const offset = useRecoveryStore((store) => store.clockOffsetMs);
  const reducedSetting = useRecoveryStore((store) => store.settings?.preferences.reducedMotion ?? false);
  const failure = useRecoveryStore((store) => store.failure);
  const { extend, end, takeLonger } = useRecoveryStore.getState();
  const now = useNow();
  const still = reducedSetting || systemPrefersReducedMotion();
  const heading = useRef<HTMLHeadingElement>(null);

  // Never more than the break's length: main's clock is read a few milliseconds late.
  const left = Math.min(
    secondsUntil(active.endsAt, offset, now),
    Math.ceil((active.endsAt - active.startedAt) / 1000),
  );
  const canEndIn = secondsUntil(active.canEndAt, offset, now);
  const atCeiling = active.endsAt >= active.latestEndsAt;
  return (
    <Modal
      open
      className="break-screen"
      testId="break-screen"
      initialFocus={heading}
      title={
        <h1 ref={heading} tabIndex={-1}>
          {t('recovery.break.title')}
        </h1>
      }
    >
      <Breathing sinceMs={now - offset - active.startedAt} still={still} />
      <div className="break-screen__countdown" role="timer" aria-label={t('recovery.break.timeLeft')}>
        {minutesAndSeconds(left)}
      </div>
      <p className="break-screen__reframe">{t(`recovery.break.reframes.${active.id % REFRAME_COUNT}`)}</p>
      <p className="break-screen__calls">{t('recovery.break.phonePaused')}</p>
      {state.suggestLonger && (
        <p className="break-screen__suggestion">
          {t('recovery.break.suggestLonger', {
            marks: state.suggestLonger.marks,
            minutes: Math.round(state.suggestLonger.seconds / 60),
          })}{' '}
          <button type="button" className="button" onClick={() => void takeLonger()}>
            {t('recovery.break.takeLonger')}
          </button>
        </p>
      )}
      <div className="break-screen__actions">
        <button type="button" className="button" disabled={atCeiling} onClick={() => void extend()}>
          {t('recovery.break.extend', { seconds: active.extendBySeconds })}
        </button>
        {canEndIn === 0 && (
          <button type="button" className="button" onClick={() => void end()}>
            {t('recovery.break.end')}
          </button>
        )}
      </div>
      {canEndIn > 0 && (
        <p className="break-screen__end-in" data-testid="end-in">
          {t('recovery.break.endIn', { seconds: canEndIn })}
        </p>
      )}
      {state.queue.state === 'failed' && (
        <p className="break-screen__queue" role="status">
          {t('recovery.break.queueFailed', { message: isolate(state.queue.error ?? '') })}
        </p>
      )}
      {failure && <p role="alert">{t('recovery.failed', { message: isolate(errorText(failure)) })}</p>}
    </Modal>
  );
}
