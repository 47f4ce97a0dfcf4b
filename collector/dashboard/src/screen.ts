/**
 * What the page shows, as plain tables of display strings: the table components render these
 * and the CSV export writes these, so the export is exactly what is on the screen (same rows,
 * same words, same rounding, same language).
 */
import type { TFunction } from 'i18next';

import { CATEGORIES } from './categories';

import type { CheckIns, NamedRows, TeamWeeks } from './api';
import type { WeekFigures } from '../../src/dashboard-api/schemas';

export interface ScreenRow {
  /** A stable key (the week, or week and agent). */
  key: string;
  cells: string[];
  /** A suppressed or open week: `cells` holds the week and this sentence, shown across the row. */
  note?: string;
}

export interface ScreenTable {
  id: 'weeks' | 'named' | 'check-ins';
  title: string;
  headers: string[];
  rows: ScreenRow[];
}

export interface Formatters {
  t: TFunction;
  language: string;
}

function numbers({ language }: Formatters) {
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  return { decimal, percent };
}

function figureCells(f: WeekFigures, fmt: Formatters, perAgent: boolean): string[] {
  const { decimal, percent } = numbers(fmt);
  const none = fmt.t('week.none');
  return [
    ...(perAgent
      ? [decimal.format(f.contributors), decimal.format(f.breaksPerAgent)]
      : [decimal.format(f.breaksPerAgent)]),
    decimal.format(f.breakMinutes),
    decimal.format(f.abusiveTotal),
    ...CATEGORIES.map((c) => decimal.format(f.abusiveByCategory[c])),
    // Null: some contributor's app (or this agent's) is older and did not send the count.
    f.warningsPlayed === null ? fmt.t('week.unknown') : decimal.format(f.warningsPlayed),
    f.extendedShare === null ? none : percent.format(f.extendedShare),
    f.medianMood === null ? none : decimal.format(f.medianMood),
  ];
}

function figureHeaders(t: TFunction, perAgent: boolean): string[] {
  return [
    ...(perAgent ? [t('columns.contributors'), t('columns.breaksPerAgent')] : [t('columns.breaks')]),
    t('columns.breakMinutes'),
    t('columns.abusiveTotal'),
    ...CATEGORIES.map((c) => t(`categories.${c}`)),
    t('columns.warningsPlayed'),
    t('columns.extendedShare'),
    t('columns.medianMood'),
  ];
}

export function weeksTable(data: TeamWeeks, fmt: Formatters): ScreenTable {
  const { t } = fmt;
  return {
    id: 'weeks',
    title: t('team.table'),
    headers: [t('columns.week'), ...figureHeaders(t, true)],
    rows: data.weeks.map((week) => {
      if (week.status === 'shown')
        return { key: week.week, cells: [week.week, ...figureCells(week.figures, fmt, true)] };
      const note = week.status === 'open' ? t('week.open') : t('week.suppressed', { k: data.k });
      return { key: week.week, cells: [week.week, note], note };
    }),
  };
}

export function namedTable(data: NamedRows, fmt: Formatters): ScreenTable {
  const { t } = fmt;
  return {
    id: 'named',
    title: t('team.named'),
    headers: [t('columns.week'), t('columns.agent'), ...figureHeaders(t, false)],
    rows: data.rows.map((row) => ({
      key: `${row.week}/${row.agentName}`,
      cells: [row.week, row.agentName, ...figureCells(row.figures, fmt, false)],
    })),
  };
}

export function checkInsTable(data: CheckIns, k: number, fmt: Formatters): ScreenTable {
  const { t, language } = fmt;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const rows: ScreenRow[] = data.named.map((request) => ({
    key: request.id,
    cells: [
      request.agentName,
      request.doneAt
        ? t('checkIns.done', { date: date.format(new Date(request.doneAt)) })
        : t('checkIns.requested'),
    ],
  }));
  const anonymous =
    data.anonymousCount === null
      ? t('checkIns.anonymousHidden', { k })
      : t('checkIns.anonymous', { count: data.anonymousCount });
  rows.push({ key: 'anonymous', cells: [t('checkIns.anonymousLabel'), anonymous], note: anonymous });
  return {
    id: 'check-ins',
    title: `${t('checkIns.title')} ${data.week}`,
    headers: [t('columns.agent'), t('columns.status')],
    rows,
  };
}
