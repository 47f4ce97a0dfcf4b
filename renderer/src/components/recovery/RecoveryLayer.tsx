import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import chimeUrl from '../../../../assets/chime.wav?url';
import '../../styles/recovery.css';
import { useCallsStore } from '../../stores/calls-store';
import { useRecoveryStore } from '../../stores/recovery-store';
import { useReflectionStore } from '../../stores/reflection-store';

import { BreakScreen } from './BreakScreen';
import { LoudCallPrompt } from './LoudCallPrompt';
import { MarkCallBar } from './MarkCallBar';
import { NeedAMoment } from './NeedAMoment';
import { ReflectionForm } from './ReflectionForm';

/** A soft chime when a break ends on its own or early (not when its mark was undone). */
function useChimeAtBreakEnd() {
  const state = useRecoveryStore((store) => store.state);
  const chime = useRecoveryStore((store) => store.settings?.preferences.chime ?? true);
  const wasOnBreak = useRef(false);
  useEffect(() => {
    const onBreak = Boolean(state?.active);
    if (wasOnBreak.current && !onBreak && state?.reflection && chime) {
      new Audio(chimeUrl).play().catch(() => undefined);
    }
    wasOnBreak.current = onBreak;
  }, [state, chime]);
}

/**
 * Everything about recovery on the phone screen: marking the current or last call, "I need a
 * moment", the loud-call suggestion, and, as modals over the whole window, the break and then the
 * reflection (which gives way to a ringing call and can be put off; the bar then offers it again).
 */
export function RecoveryLayer() {
  const { t } = useTranslation();
  const state = useRecoveryStore((store) => store.state);
  const calls = useCallsStore((store) => store.calls);
  const lastEnded = useCallsStore((store) => store.lastEnded);
  const deferredFor = useReflectionStore((store) => store.deferredFor);
  useChimeAtBreakEnd();
  const current = calls.filter((call) => call.state !== 'ringing').at(-1);
  const markable = current ?? (calls.length === 0 && lastEnded?.answeredAt ? lastEnded : null);
  const reflection = state?.active ? null : state?.reflection;
  // The reflection waits while a call is up: it is for after the call.
  const reflectionOpen = Boolean(reflection) && deferredFor !== reflection?.breakId && !current;
  return (
    <div className="recovery-bar">
      {state?.active && <BreakScreen active={state.active} state={state} />}
      {reflection && (
        <ReflectionForm key={reflection.breakId} breakId={reflection.breakId} open={reflectionOpen} />
      )}
      {reflection && !reflectionOpen && (
        <button
          type="button"
          className="button button--primary"
          onClick={() => useReflectionStore.getState().setDeferred(null)}
        >
          {t('recovery.reflection.resume')}
        </button>
      )}
      {markable && <MarkCallBar key={markable.id} call={markable} />}
      {!current && lastEnded && <LoudCallPrompt call={lastEnded} />}
      {state?.scheduled ? (
        <p role="status" className="recovery-bar__scheduled">
          {t('recovery.break.scheduled', { seconds: state.scheduled.seconds })}
        </p>
      ) : (
        <NeedAMoment />
      )}
    </div>
  );
}
