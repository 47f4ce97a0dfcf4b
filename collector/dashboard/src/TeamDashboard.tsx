/**
 * One team's page: trend charts, the week-by-week table, named summaries, check-in requests
 * and the CSV export of exactly those tables.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, ApiError, type CheckIns, type NamedRows, type TeamWeeks } from './api';
import { CheckInList } from './CheckInList';
import { DataTable } from './DataTable';
import { downloadCsv } from './download';
import { checkInsTable, namedTable, weeksTable } from './screen';
import { TrendChart, type TrendSeries } from './TrendChart';

interface Loaded {
  weeks: TeamWeeks;
  named: NamedRows;
  checkIns: CheckIns;
}

export function TeamDashboard({ teamId, onSignedOut }: { teamId: string; onSignedOut(): void }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [doneError, setDoneError] = useState<string | null>(null);

  const fail = useCallback(
    (reason: unknown, set: (message: string) => void) => {
      if (reason instanceof ApiError && reason.status === 401) onSignedOut();
      else set(reason instanceof Error ? reason.message : String(reason));
    },
    [onSignedOut],
  );

  useEffect(() => {
    // App keys this component by team, so a new team starts with empty state.
    let live = true;
    Promise.all([api.weeks(teamId), api.named(teamId), api.checkIns(teamId)])
      .then(([weeks, named, checkIns]) => live && setData({ weeks, named, checkIns }))
      .catch((reason: unknown) => live && fail(reason, setError));
    return () => {
      live = false;
    };
  }, [teamId, fail]);

  const fmt = useMemo(() => ({ t, language: i18n.language }), [t, i18n.language]);
  const tables = useMemo(
    () =>
      data && {
        weeks: weeksTable(data.weeks, fmt),
        named: namedTable(data.named, fmt),
        checkIns: checkInsTable(data.checkIns, data.weeks.k, fmt),
      },
    [data, fmt],
  );
  const charts = useMemo(() => {
    if (!data) return null;
    const pick = (
      get: (
        f: NonNullable<Extract<TeamWeeks['weeks'][number], { status: 'shown' }>['figures']>,
      ) => number | null,
    ) => data.weeks.weeks.map((w) => (w.status === 'shown' ? get(w.figures) : null));
    const breaks: TrendSeries[] = [
      { label: t('columns.breaksPerAgent'), values: pick((f) => f.breaksPerAgent), color: '#2f7a78' },
      {
        label: t('columns.abusiveTotal'),
        values: pick((f) => f.abusiveTotal),
        color: '#a61b1b',
        dash: [6, 4],
      },
    ];
    const mood: TrendSeries[] = [
      { label: t('columns.medianMood'), values: pick((f) => f.medianMood), color: '#1a56db' },
    ];
    return { weeks: data.weeks.weeks.map((w) => w.week), breaks, mood };
  }, [data, t]);

  const markDone = (id: string) => {
    if (!data) return;
    setDoneError(null);
    api
      .markDone(teamId, id, data.checkIns.week)
      .then(({ doneAt }) =>
        setData({
          ...data,
          checkIns: {
            ...data.checkIns,
            named: data.checkIns.named.map((r) => (r.id === id ? { ...r, doneAt } : r)),
          },
        }),
      )
      .catch((reason: unknown) => fail(reason, setDoneError));
  };

  if (error)
    return (
      <p role="alert" className="error">
        {t('team.loadFailed', { reason: error })}
      </p>
    );
  if (!data || !tables || !charts) return <p role="status">{t('app.loading')}</p>;
  // The CSV writer loads on the first export, not with the page.
  const exportCsv = () =>
    void import('./csv').then(({ tablesToCsv }) =>
      downloadCsv(
        tablesToCsv([tables.weeks, tables.named, tables.checkIns]),
        `steadyline-${data.weeks.team.name}-${charts.weeks.at(-1) ?? ''}.csv`,
      ),
    );

  return (
    <main id="figures" className="team">
      <div className="team__top">
        <div>
          <h1>
            <bdi>{data.weeks.team.name}</bdi>: {t('team.heading')}
          </h1>
          <p className="muted">{t('team.about', { k: data.weeks.k })}</p>
        </div>
        <div className="team__export">
          <button type="button" onClick={exportCsv} aria-describedby="export-hint">
            {t('team.export')}
          </button>
          <span id="export-hint" className="muted">
            {t('team.exportHint')}
          </span>
        </div>
      </div>
      <CheckInList table={tables.checkIns} data={data.checkIns} onDone={markDone} error={doneError} />
      <section className="card" aria-labelledby="trends-title">
        <h2 id="trends-title">{t('team.trends')}</h2>
        <p className="muted">{t('team.chartNote')}</p>
        <div className="charts">
          <TrendChart title={t('team.chartBreaks')} weeks={charts.weeks} series={charts.breaks} />
          <TrendChart title={t('team.chartMood')} weeks={charts.weeks} series={charts.mood} />
        </div>
      </section>
      <div className="card">
        <h2 id="weeks-title">{tables.weeks.title}</h2>
        <DataTable table={tables.weeks} />
        <p className="muted">{t('team.warningsNote')}</p>
      </div>
      <div className="card">
        <h2 id="named-title">{tables.named.title}</h2>
        <p className="muted">{t('team.namedAbout')}</p>
        {tables.named.rows.length === 0 ? <p>{t('team.namedNone')}</p> : <DataTable table={tables.named} />}
      </div>
    </main>
  );
}
