import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AbuseCategory, CallState } from '../../../../preload/contract';
import { bridge } from '../../bridge';
import { useRecoveryStore } from '../../stores/recovery-store';

import { AbuseDetails, type Severity } from './AbuseDetails';
import { UndoMark } from './UndoMark';
import { isolate } from '../format';
import { useErrorText } from '../../i18n/error-text';

/**
 * Marking the current call (or the one that just ended): abusive, with optional details; a call
 * to be proud of; and, for an abusive caller, one button that marks and hands the call to the lead.
 * A mark is the call's state: once marked, the bar says so and offers Undo (while main allows it)
 * or Change, never a second mark.
 */
export function MarkCallBar({ call }: { call: CallState }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const titleId = useId();
  const standing = useRecoveryStore((store) => store.marks[call.id] ?? null);
  const lastMark = useRecoveryStore((store) => store.lastMark);
  const leadUri = useRecoveryStore((store) => store.settings?.policy.leadUri ?? null);
  const failure = useRecoveryStore((store) => store.failure);
  const [changing, setChanging] = useState(false);
  const [categories, setCategories] = useState<AbuseCategory[]>(
    standing?.kind === 'abusive' ? (standing.categories ?? []) : [],
  );
  const [severity, setSeverity] = useState<Severity | null>(
    standing?.kind === 'abusive' ? (standing.severity ?? null) : null,
  );
  const { mark } = useRecoveryStore.getState();
  const markAbusive = async () => {
    const done = await mark({
      callId: call.id,
      kind: 'abusive',
      categories,
      ...(severity === null ? {} : { severity }),
    });
    if (done) setChanging(false);
    return done;
  };
  const markProud = async () => {
    if (await mark({ callId: call.id, kind: 'proud' })) setChanging(false);
  };
  const handOff = async () => {
    if (!leadUri || !(await markAbusive())) return;
    const result = await bridge().phone.transferBlind({ callId: call.id, target: leadUri });
    if (!result.ok) useRecoveryStore.setState({ failure: result.error });
  };
  const editing = !standing || changing;
  return (
    <section className="mark-bar" aria-labelledby={titleId} data-testid="mark-bar">
      <h2 id={titleId} className="mark-bar__title">
        {call.state === 'ended' ? t('recovery.mark.titleEnded') : t('recovery.mark.title')}
      </h2>
      {standing && !changing && (
        <div className="mark-bar__state">
          <p className="mark-bar__done" role="status" data-testid="mark-state">
            {standing.kind === 'abusive' ? t('recovery.mark.isAbusive') : t('recovery.mark.isProud')}
          </p>
          {lastMark?.markId === standing.markId && <UndoMark receipt={lastMark} />}
          <button type="button" className="button" data-rescue="mark" onClick={() => setChanging(true)}>
            {t('recovery.mark.change')}
          </button>
        </div>
      )}
      {editing && (
        <>
          <AbuseDetails
            open={changing}
            categories={categories}
            severity={severity}
            onCategories={setCategories}
            onSeverity={setSeverity}
          />
          <div className="mark-bar__actions">
            <button
              type="button"
              className="button button--danger"
              data-rescue="mark"
              onClick={() => void markAbusive()}
            >
              {changing ? t('recovery.mark.saveAbusive') : t('recovery.mark.abusive')}
            </button>
            <button type="button" className="button" onClick={() => void markProud()}>
              {changing ? t('recovery.mark.saveProud') : t('recovery.mark.proud')}
            </button>
            {!changing && leadUri && call.state === 'active' && (
              <button type="button" className="button" onClick={() => void handOff()}>
                {t('recovery.mark.toLead')}
              </button>
            )}
            {changing && (
              <button type="button" className="button button--quiet" onClick={() => setChanging(false)}>
                {t('recovery.mark.keep')}
              </button>
            )}
          </div>
        </>
      )}
      {failure && (
        <p className="mark-bar__failure" role="alert">
          {t('recovery.failed', { message: isolate(errorText(failure)) })}
        </p>
      )}
    </section>
  );
}
