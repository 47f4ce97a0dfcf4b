import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { DayOverview } from '../../../../preload/contract';
import { bridge } from '../../bridge';
import { useErrorText, type ShownError } from '../../i18n/error-text';
import { formatTime, isolate } from '../format';
import { Modal } from '../Modal';

import { partyName } from './party-name';
import './beyond.css';

type Step = { kind: 'closed' } | { kind: 'open'; day: DayOverview | null } | { kind: 'left' };

/**
 * "Close the day": a button in the window's header (and the tray's menu, through shell:closeDay)
 * opens a short, optional screen: the calls marked proud today first, the day in one line, and
 * one box to write what is still on the agent's mind and leave it here (kept only in the journal).
 * Every way out is open: Escape, Close, or leaving the box empty.
 */
export function CloseDay() {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<ShownError | null>(null);
  const errorText = useErrorText();
  const titleId = useId();
  const noteId = useId();
  const hintId = useId();

  const open = async () => {
    setFailure(null);
    setStep({ kind: 'open', day: null });
    const result = await bridge().day.overview();
    if (result.ok)
      setStep((current) => (current.kind === 'open' ? { kind: 'open', day: result.value } : current));
  };
  useEffect(() => bridge().shell.onCloseDay(() => void open()), []);

  const close = () => {
    setStep({ kind: 'closed' });
    setNote('');
  };
  const leave = async () => {
    const result = await bridge().day.close({ note });
    if (!result.ok) return setFailure(result.error);
    setNote('');
    setStep({ kind: 'left' });
  };
  /** Keeps what is written (if anything) and quits; quitting never waits on the note. */
  const quit = async () => {
    if (note.trim()) await bridge().day.close({ note });
    const result = await bridge().app.quit();
    if (!result.ok) setFailure(result.error);
  };
  const day = step.kind === 'open' ? step.day : null;
  return (
    <>
      <button type="button" className="nav-button" onClick={() => void open()}>
        {t('beyond.closeDay.open')}
      </button>
      <Modal
        title={<h2>{t('beyond.closeDay.title')}</h2>}
        open={step.kind !== 'closed'}
        onDismiss={close}
        testId="close-day"
        className="confirm close-day"
      >
        {step.kind === 'left' && <p role="status">{t('beyond.closeDay.left')}</p>}
        {step.kind === 'open' && (
          <>
            {day && day.proud.length > 0 && (
              <section aria-labelledby={`${titleId}-proud`}>
                <h3 id={`${titleId}-proud`}>{t('beyond.closeDay.proud')}</h3>
                <ul data-testid="proud-calls">
                  {day.proud.map((call) => {
                    return (
                      <li key={call.callId}>
                        <bdi>{partyName(call.remote)}</bdi> · {formatTime(call.startedAt, i18n.language)}
                      </li>
                    );
                  })}
                </ul>
              </section>
            )}
            <p data-testid="day-line">
              {day
                ? t('beyond.closeDay.line', {
                    calls: isolate(t('beyond.closeDay.calls', { count: day.calls })),
                    breaks: isolate(t('beyond.closeDay.breaks', { count: day.breaks })),
                  })
                : t('beyond.closeDay.loading')}
            </p>
            <label htmlFor={noteId}>{t('beyond.closeDay.noteLabel')}</label>
            <textarea
              id={noteId}
              className="field__input"
              aria-describedby={hintId}
              maxLength={4000}
              rows={4}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <p id={hintId} className="field__hint">
              {t('beyond.closeDay.noteHint')}
            </p>
            {failure && (
              <p className="field__error" role="alert">
                {errorText(failure)}
              </p>
            )}
          </>
        )}
        <div className="confirm__actions">
          {step.kind === 'open' && (
            <button type="button" className="button button--primary" onClick={() => void leave()}>
              {note.trim() ? t('beyond.closeDay.leave') : t('beyond.closeDay.done')}
            </button>
          )}
          <button type="button" className="button" onClick={close}>
            {t('beyond.closeDay.close')}
          </button>
          <button type="button" className="button" onClick={() => void quit()}>
            {t('beyond.closeDay.quit')}
          </button>
        </div>
      </Modal>
    </>
  );
}
