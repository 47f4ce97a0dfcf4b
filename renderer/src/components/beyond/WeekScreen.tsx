import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { WeekReview } from '../../../../preload/contract';
import { bridge } from '../../bridge';
import { useErrorText, type ShownError } from '../../i18n/error-text';
import { formatDateTime } from '../format';

import { partyName } from './party-name';
import { WeekChart } from './WeekChart';
import './beyond.css';

const weekday = (at: number, language: string) =>
  new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric' }).format(at);
const longDay = (at: number, language: string) =>
  new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long' }).format(at);

/**
 * "My week, in pictures": private to the agent, from the journal on this computer only. Breaks
 * and abusive marks per day, the mood after breaks, and the calls marked proud; every chart's
 * numbers are also in the table (the charts are hidden from screen readers).
 */
export function WeekScreen() {
  const { t, i18n } = useTranslation();
  const [weeksAgo, setWeeksAgo] = useState(0);
  const [week, setWeek] = useState<WeekReview | null>(null);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const errorText = useErrorText();
  useEffect(() => {
    let live = true;
    void bridge()
      .week.review({ weeksAgo })
      .then((result) => {
        if (!live) return;
        setWeek(result.ok ? result.value : null);
        setFailure(result.ok ? null : result.error);
      });
    return () => {
      live = false;
    };
  }, [weeksAgo]);
  const language = i18n.language;
  const labels = useMemo(() => week?.days.map((day) => weekday(day.from, language)) ?? [], [week, language]);
  const charts = useMemo(
    () =>
      week && {
        breaks: [
          { label: t('beyond.week.breaks'), values: week.days.map((d) => d.breaks), color: '#2f6f68' },
        ],
        abusive: [
          { label: t('beyond.week.abusive'), values: week.days.map((d) => d.abusive), color: '#9a3b2e' },
        ],
        mood: [{ label: t('beyond.week.mood'), values: week.days.map((d) => d.mood), color: '#3d4f9a' }],
      },
    [week, t],
  );
  const moodRange = useMemo<[number, number]>(() => [1, 5], []);
  // Counts start at 0 and leave room above the highest day (uPlot would scale an empty week to 100).
  const countRange = useMemo<[number, number]>(
    () => [0, Math.max(4, ...(week?.days.flatMap((d) => [d.breaks, d.abusive]) ?? [])) + 1],
    [week],
  );
  return (
    <section className="week" aria-labelledby="week-title" data-testid="week-screen">
      <h1 id="week-title" tabIndex={-1} data-rescue="screen">
        {t('beyond.week.title')}
      </h1>
      <p className="field__hint">{t('beyond.week.private')}</p>
      <div className="week__nav">
        <button
          type="button"
          className="button"
          disabled={weeksAgo >= 52}
          onClick={() => setWeeksAgo((w) => w + 1)}
        >
          {t('beyond.week.earlier')}
        </button>
        <button
          type="button"
          className="button"
          disabled={weeksAgo === 0}
          onClick={() => setWeeksAgo((w) => w - 1)}
        >
          {t('beyond.week.later')}
        </button>
      </div>
      {failure && (
        <p className="field__error" role="alert">
          {errorText(failure)}
        </p>
      )}
      {week && charts && (
        <>
          <p role="status" data-testid="week-range">
            <bdi>{longDay(week.from, language)}</bdi> – <bdi>{longDay(week.to - 1, language)}</bdi>
          </p>
          <WeekChart
            title={t('beyond.week.breaks')}
            days={labels}
            series={charts.breaks}
            kind="bars"
            range={countRange}
          />
          <WeekChart
            title={t('beyond.week.abusive')}
            days={labels}
            series={charts.abusive}
            kind="bars"
            range={countRange}
          />
          <WeekChart
            title={t('beyond.week.mood')}
            days={labels}
            series={charts.mood}
            kind="line"
            range={moodRange}
          />
          <table className="week__table">
            <caption>{t('beyond.week.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('beyond.week.day')}</th>
                <th scope="col">{t('beyond.week.breaks')}</th>
                <th scope="col">{t('beyond.week.abusive')}</th>
                <th scope="col">{t('beyond.week.mood')}</th>
              </tr>
            </thead>
            <tbody>
              {week.days.map((day) => (
                <tr key={day.from}>
                  <th scope="row">{longDay(day.from, language)}</th>
                  <td>{day.breaks}</td>
                  <td>{day.abusive}</td>
                  <td>{day.mood === null ? t('beyond.week.noMood') : day.mood.toLocaleString(language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('beyond.week.proud')}</h2>
          {week.proud.length === 0 ? (
            <p>{t('beyond.week.noProud')}</p>
          ) : (
            <ul data-testid="week-proud">
              {week.proud.map((call) => (
                <li key={call.callId}>
                  <bdi>{partyName(call.remote)}</bdi> · {formatDateTime(call.startedAt, language)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
