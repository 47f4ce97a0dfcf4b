import { useTranslation } from 'react-i18next';

import type { TimelineEntry } from '../../../../preload/contract';
import { endReasonOf, formatTime } from '../format';
import { numberOf } from '../remote-party';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type CallEntry = Extract<TimelineEntry, { kind: 'call' }>;

/** What ended the call, when it is worth saying (an inbound call never answered was missed). */
function callOutcome(entry: CallEntry, t: Translate): string | null {
  const reason = endReasonOf(entry);
  if (!reason || ['local-hangup', 'remote-hangup'].includes(reason)) return null;
  return t(`calls.endReason.${reason}`, { defaultValue: reason });
}

function CallDetails({ entry, t, language }: { entry: CallEntry; t: Translate; language: string }) {
  const who = entry.remoteDisplayName ?? numberOf(entry.remoteUri);
  const outcome = callOutcome(entry, t);
  return (
    <>
      <p className="journal-entry__what">
        {t(`journalView.direction.${entry.direction}`)} <bdi className="journal-entry__who">{who}</bdi>
        {outcome && <span className="journal-entry__outcome"> · {outcome}</span>}
      </p>
      {entry.marks
        .filter((mark) => !mark.undone)
        .map((mark, index) => (
          <p key={index} className={`journal-entry__mark journal-entry__mark--${mark.kind}`}>
            {mark.kind === 'abusive'
              ? [
                  t('journalView.abusive'),
                  ...(mark.severity === null ? [] : [t(`recovery.severity.${mark.severity}`)]),
                  ...mark.categories.map((category) => t(`recovery.category.${category}`)),
                ].join(' · ')
              : t('journalView.proud')}
          </p>
        ))}
      {(entry.warnings ?? [])
        .filter((warning) => warning.outcome !== 'failed')
        .map((warning, index) => (
          <p key={`w${index}`} className="journal-entry__warning">
            {t(`journalView.warning.${warning.kind}`, { time: formatTime(warning.at, language) })}
          </p>
        ))}
    </>
  );
}

function EntryDetails({ entry, t, language }: { entry: TimelineEntry; t: Translate; language: string }) {
  switch (entry.kind) {
    case 'call':
      return <CallDetails entry={entry} t={t} language={language} />;
    case 'break':
      return (
        <p className="journal-entry__what">
          {t('journalView.breakSummary', {
            trigger: t(`journalView.trigger.${entry.trigger}`),
            seconds: entry.actualSeconds ?? entry.plannedSeconds,
          })}
        </p>
      );
    case 'reflection':
      return (
        <>
          <p className="journal-entry__what">
            {t('journalView.reflectionSummary', { mood: entry.mood, difficulty: entry.difficulty })}
          </p>
          {[entry.felt, entry.thought].filter(Boolean).map((note, index) => (
            <p key={index} className="journal-entry__notes">
              <bdi>{note}</bdi>
            </p>
          ))}
        </>
      );
  }
}

/** One entry of the timeline: when, what kind, the details, and Delete (confirmed by the screen). */
export function JournalEntryItem({ entry, onDelete }: { entry: TimelineEntry; onDelete(): void }) {
  const { t, i18n } = useTranslation();
  const when = formatTime(entry.at, i18n.language);
  const kind = t(`journalView.kindLabel.${entry.kind}`);
  return (
    <li className={`journal-entry journal-entry--${entry.kind}`} data-testid={`journal-${entry.kind}`}>
      <div className="journal-entry__head">
        <time dateTime={new Date(entry.at).toISOString()}>{when}</time>
        <strong className="journal-entry__kind">{kind}</strong>
      </div>
      <EntryDetails entry={entry} t={t} language={i18n.language} />
      {/* The name starts with the visible word (WCAG 2.5.3), then says which entry. */}
      <button
        type="button"
        className="button button--quiet journal-entry__delete"
        aria-label={`${t('journalView.delete')} ${t('journalView.deleteWhat', { what: kind, when })}`}
        onClick={onDelete}
      >
        {t('journalView.delete')}
      </button>
    </li>
  );
}
