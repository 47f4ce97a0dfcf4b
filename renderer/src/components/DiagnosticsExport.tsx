import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { bridge } from '../bridge';

type Outcome = { kind: 'idle' } | { kind: 'saved'; file: string } | { kind: 'failed'; message: string };

/** "Export diagnostics": a zip for IT (logs, policy, state; never calls, notes or passwords). */
export function DiagnosticsExport() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await bridge().app.exportDiagnostics();
    setBusy(false);
    setOutcome(
      result.ok
        ? { kind: 'saved', file: result.value.file }
        : { kind: 'failed', message: result.error.message },
    );
  };
  return (
    <section className="settings-section" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('diagnostics.title')}</h2>
      <p className="field__hint">{t('diagnostics.explain')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void run()}>
        {t('diagnostics.export')}
      </button>
      <p role="status" aria-live="polite">
        {outcome.kind === 'saved' && (
          <>
            {t('diagnostics.saved')} <bdi dir="ltr">{outcome.file}</bdi>
          </>
        )}
        {outcome.kind === 'failed' && t('diagnostics.failed', { message: outcome.message })}
      </p>
    </section>
  );
}
