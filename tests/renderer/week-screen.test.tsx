import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type uPlot from 'uplot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { WeekReview } from '../../preload/contract';
import { weekChartOptions, type Direction } from '../../renderer/src/components/beyond/WeekChart';
import { WeekScreen } from '../../renderer/src/components/beyond/WeekScreen';
import { applyLanguage } from '../../renderer/src/i18n';
import { committed, loadUplotInJsdom, restoreJsdom, sideGaps, xPositions } from './support/uplot-in-jsdom';

import { transport } from './setup';
import { ok, refuse, sent } from './support/calls';
import { plain } from './support/text';

const DAY = 24 * 60 * 60 * 1000;
const MONDAY = new Date(2026, 10, 23).getTime();
const week: WeekReview = {
  from: MONDAY,
  to: MONDAY + 7 * DAY,
  weeksAgo: 0,
  days: [0, 1, 2, 3, 4, 5, 6].map((index) => ({
    from: MONDAY + index * DAY,
    breaks: index === 0 ? 2 : 0,
    abusive: index === 0 ? 3 : index === 3 ? 1 : 0,
    mood: index === 0 ? 3.5 : null,
  })),
  proud: [
    {
      callId: 4,
      remote: { uri: 'sip:0501234567@pbx', displayName: null },
      startedAt: MONDAY + 3600_000,
      markedAt: 0,
    },
  ],
};
afterEach(() => act(() => applyLanguage('en')));

const rows = () =>
  within(screen.getByRole('table', { name: 'The same numbers as the charts, day by day' }))
    .getAllByRole('row')
    .map((row) =>
      within(row)
        .getAllByRole(row.querySelector('td') ? 'cell' : 'columnheader')
        .map((cell) => plain(cell.textContent)),
    );

describe('my week, in pictures', () => {
  it('gives screen readers the charts’ numbers in a table, and lists the proud calls', async () => {
    transport.respond('week:review', ok(week));
    render(<WeekScreen />);
    await screen.findByRole('table');
    expect(rows()[0]).toEqual([
      'Day',
      'Breaks per day',
      'Calls marked abusive per day',
      'Mood after breaks (1–5)',
    ]);
    const monday = within(screen.getAllByRole('row')[1] as HTMLElement);
    expect(plain(monday.getByRole('rowheader').textContent)).toBe('Monday, November 23');
    expect(monday.getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['2', '3', '3.5']);
    const thursday = within(screen.getAllByRole('row')[4] as HTMLElement);
    expect(thursday.getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '0',
      '1',
      'No reflection',
    ]);
    expect(screen.getAllByRole('figure').map((figure) => plain(figure.textContent))).toEqual([
      'Breaks per day',
      'Calls marked abusive per day',
      'Mood after breaks (1–5)',
    ]);
    expect(plain(screen.getByTestId('week-proud').textContent)).toContain('0501234567');
  });

  it('goes back a week and forward again, never into the future', async () => {
    transport.respond('week:review', ok(week));
    render(<WeekScreen />);
    await screen.findByRole('table');
    expect((screen.getByRole('button', { name: 'Later week' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Earlier week' }));
    await waitFor(() => expect(sent('week:review')).toEqual([{ weeksAgo: 0 }, { weeksAgo: 1 }]));
    fireEvent.click(screen.getByRole('button', { name: 'Later week' }));
    await waitFor(() =>
      expect(sent('week:review')).toEqual([{ weeksAgo: 0 }, { weeksAgo: 1 }, { weeksAgo: 0 }]),
    );
  });

  it('says why when the journal cannot be read', async () => {
    transport.respond('week:review', refuse('The journal is locked.'));
    render(<WeekScreen />);
    expect(plain((await screen.findByRole('alert')).textContent)).toBe('The journal is locked.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('in Hebrew', async () => {
    await act(() => applyLanguage('he'));
    transport.respond('week:review', ok(week));
    render(<WeekScreen />);
    expect(await screen.findByRole('table', { name: 'אותם מספרים כמו בתרשימים, יום אחר יום' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'השבוע שלי, בתמונות' })).toBeTruthy();
    expect(screen.getAllByRole('cell')[2]?.textContent).toBe('3.5');
  });

  it('draws the charts right to left in Hebrew, left to right in English', async () => {
    transport.respond('week:review', ok(week));
    const { unmount } = render(<WeekScreen />);
    await screen.findByRole('table');
    const directions = () => screen.getAllByTestId('week-chart').map((chart) => chart.dataset.direction);
    expect(directions()).toEqual(['ltr', 'ltr', 'ltr']);
    unmount();
    await act(() => applyLanguage('he'));
    render(<WeekScreen />);
    await screen.findByRole('table');
    expect(directions()).toEqual(['rtl', 'rtl', 'rtl']);
  });
});

describe('the week chart in uPlot', () => {
  let UPlot: typeof uPlot;
  const charts: uPlot[] = [];
  beforeAll(async () => {
    UPlot = await loadUplotInJsdom();
  });
  afterAll(() => {
    charts.forEach((chart) => chart.destroy());
    restoreJsdom();
  });

  const days = ['Mon 23', 'Tue 24', 'Wed 25', 'Thu 26', 'Fri 27', 'Sat 28', 'Sun 29'];
  const drawn = async (direction: Direction) => {
    const host = document.createElement('div');
    document.body.append(host);
    const values = [2, 0, 0, 1, 0, 0, 0];
    const props = {
      title: 'Breaks per day',
      days,
      series: [{ label: 'Breaks per day', values, color: '#2f6f68' }],
      kind: 'bars' as const,
      range: [0, 5] as [number, number],
    };
    const chart = new UPlot(
      weekChartOptions(props, direction, 560, UPlot.paths.bars?.({ size: [0.6, 64] })),
      [days.map((_, index) => index), values],
      host,
    );
    charts.push(chart);
    await committed();
    return chart;
  };

  it('puts Monday at the left edge in English and at the right edge in Hebrew, as the table reads', async () => {
    const english = await drawn('ltr');
    const hebrew = await drawn('rtl');
    const monday = (chart: uPlot) => chart.valToPos(0, 'x');
    const sunday = (chart: uPlot) => chart.valToPos(6, 'x');
    expect(monday(english)).toBe(0);
    expect(sunday(english)).toBe(english.bbox.width / devicePixelRatio);
    expect(monday(hebrew)).toBe(hebrew.bbox.width / devicePixelRatio);
    expect(sunday(hebrew)).toBe(0);
    // Every day one step further right in English, further left in Hebrew.
    const positions = (chart: uPlot) => xPositions(chart, days.length);
    expect(positions(english)).toEqual([...positions(english)].sort((a, b) => a - b));
    expect(positions(hebrew)).toEqual([...positions(hebrew)].sort((a, b) => b - a));
  });

  it('puts the numbers’ axis on the left in English and on the right in Hebrew', async () => {
    const english = await drawn('ltr');
    const hebrew = await drawn('rtl');
    // The plot leaves the axis's room on its side (uPlot keeps a smaller gap on the other).
    const gaps = (chart: uPlot) => sideGaps(chart, 560);
    expect(gaps(english).left).toBeGreaterThan(gaps(english).right);
    expect(gaps(hebrew).right).toBeGreaterThan(gaps(hebrew).left);
    expect(gaps(hebrew)).toEqual({ left: gaps(english).right, right: gaps(english).left });
  });
});
