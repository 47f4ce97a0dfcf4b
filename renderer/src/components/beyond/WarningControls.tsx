import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallState } from '../../../../preload/contract';
import { useErrorText } from '../../i18n/error-text';
import { secondsUntil } from '../../stores/recovery-store';
import { useWarningsStore } from '../../stores/warnings-store';
import { useNow } from '../recovery/use-now';

import './warning-controls.css';

/**
 * The recorded warning, beside the call: "Play the warning" and "Final warning and end call"
 * (also global hotkeys). While one plays the agent's microphone is off; Stop brings it back (and
 * keeps a final warning from ending the call).
 */
export function WarningControls({ call }: { call: CallState }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const titleId = useId();
  const hintId = useId();
  const playing = useWarningsStore((store) => (store.playing?.callId === call.id ? store.playing : null));
  const failure = useWarningsStore((store) => store.failure);
  const itProblem = useWarningsStore((store) => store.itRecordingProblems.length > 0);
  const { play, stop } = useWarningsStore.getState();
  const playable = call.state === 'active' && !call.heldByMe && !call.heldByRemote;
  if (!playable && !playing) return null;
  return (
    <section className="warning-controls" aria-labelledby={titleId} data-testid="warning-controls">
      <h3 id={titleId} className="warning-controls__title">
        {t('beyond.warning.title')}
      </h3>
      {playing ? (
        <>
          <p className="warning-controls__playing" role="status">
            <span className="warning-controls__wide">
              {t(playing.kind === 'final' ? 'beyond.warning.playingFinal' : 'beyond.warning.playing')}
            </span>
            <span className="warning-controls__narrow">
              {t(
                playing.kind === 'final' ? 'beyond.warning.playingFinalShort' : 'beyond.warning.playingShort',
              )}
            </span>{' '}
            <WarningCountdown endsAt={playing.endsAt} />
          </p>
          <button type="button" className="button" onClick={() => void stop(call.id)}>
            {t(playing.kind === 'final' ? 'beyond.warning.stopFinal' : 'beyond.warning.stop')}
          </button>
        </>
      ) : (
        <div className="warning-controls__actions">
          <button
            type="button"
            className="button"
            aria-label={t('beyond.warning.play')}
            onClick={() => void play(call.id, 'warning')}
          >
            <Label wide={t('beyond.warning.play')} narrow={t('beyond.warning.playShort')} />
          </button>
          <button
            type="button"
            className="button button--danger"
            aria-label={t('beyond.warning.final')}
            aria-describedby={hintId}
            onClick={() => void play(call.id, 'final')}
          >
            <Label wide={t('beyond.warning.final')} narrow={t('beyond.warning.finalShort')} />
          </button>
          <p id={hintId} className="warning-controls__hint">
            {t('beyond.warning.finalHint')}
          </p>
        </div>
      )}
      {itProblem && <p className="warning-controls__note">{t('beyond.warning.itProblem')}</p>}
      {failure && (
        <p className="warning-controls__error" role="alert">
          {errorText(failure)}
        </p>
      )}
    </section>
  );
}

/**
 * A button's words: in full, or shorter where the window is docked narrow (CSS decides). The
 * button's name is always the full words, and the short ones are its start (WCAG 2.5.3).
 */
function Label({ wide, narrow }: { wide: string; narrow: string }) {
  return (
    <>
      <span className="warning-controls__wide" aria-hidden="true">
        {wide}
      </span>
      <span className="warning-controls__narrow" aria-hidden="true">
        {narrow}
      </span>
    </>
  );
}

/** Seconds left, on its own so the status sentence is announced once, not every second. */
function WarningCountdown({ endsAt }: { endsAt: number }) {
  const { t } = useTranslation();
  const offset = useWarningsStore((store) => store.clockOffsetMs);
  const seconds = secondsUntil(endsAt, offset, useNow());
  return (
    <span role="timer" aria-live="off">
      {t('beyond.warning.secondsLeft', { seconds })}
    </span>
  );
}
