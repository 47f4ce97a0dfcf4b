import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { JournalCall } from '../../../preload/contract';
import { useCallsStore } from '../stores/calls-store';
import { useHistoryStore } from '../stores/history-store';

import { formatDuration } from './CallTimer';
import { endReasonOf, formatDateTime, isolate } from './format';
import { QualityFigures } from './QualityFigures';
import { numberOf } from './remote-party';

function HistoryEntry({ call }: { call: JournalCall }) {
  const { t, i18n } = useTranslation();
  const dial = useCallsStore((store) => store.dial);
  const number = numberOf(call.remoteUri);
  const who = call.remoteDisplayName ?? number;
  const when = formatDateTime(call.startedAt, i18n.language);
  const ending = endReasonOf(call);
  const talked = call.answeredAt !== null && call.endedAt !== null;
  return (
    <li className="history__entry" data-testid="history-entry">
      <div className="history__who">
        <strong>
          <bdi>{who}</bdi>
        </strong>{' '}
        <bdi>{number}</bdi>
      </div>
      <p className="field__hint">
        {t(`history.direction.${call.direction}`)} · <bdi>{when}</bdi>
        {talked && ` · ${formatDuration(((call.endedAt ?? 0) - (call.answeredAt ?? 0)) / 1000)}`}
        {ending && ` · ${t(`calls.endReason.${ending}`)}`}
      </p>
      {call.quality ? (
        <QualityFigures quality={call.quality} />
      ) : (
        <p className="field__hint">{t('quality.none')}</p>
      )}
      <button
        type="button"
        className="button"
        aria-label={t('history.redialTo', { who: isolate(who) })}
        onClick={() => void dial(call.remoteUri)}
      >
        {t('calls.redial')}
      </button>
    </li>
  );
}

/** The call history from the journal: search by name or number, redial, quality of each call. */
export function HistoryScreen() {
  const { t } = useTranslation();
  const { calls, search, failure, more, load, follow } = useHistoryStore();
  const searchId = useId();
  useEffect(() => {
    void useHistoryStore.getState().load();
    return follow();
  }, [follow]);
  return (
    <section className="screen" aria-labelledby="history-title">
      <h1 id="history-title" tabIndex={-1} data-rescue="screen">
        {t('history.title')}
      </h1>
      <label htmlFor={searchId}>{t('history.search')}</label>
      <input
        id={searchId}
        type="search"
        className="dialer__input"
        value={search}
        onChange={(event) => void load(event.target.value)}
      />
      {failure && <p role="alert">{t('history.failed', { message: isolate(failure) })}</p>}
      {calls.length === 0 ? (
        <p>{search ? t('history.noMatch') : t('history.empty')}</p>
      ) : (
        <ol className="history" aria-label={t('history.listLabel')}>
          {calls.map((call) => (
            <HistoryEntry key={call.id} call={call} />
          ))}
        </ol>
      )}
      {more && (
        <button type="button" className="button" onClick={() => void useHistoryStore.getState().loadMore()}>
          {t('history.more')}
        </button>
      )}
    </section>
  );
}
