/**
 * The lead dashboard's trend charts (collector/dashboard/src/TrendChart.tsx) follow the page's
 * language: in Hebrew the 12 weeks run right to left (the oldest at the right edge, as the table
 * beside them reads) and the numbers' axis is on the right. Positions are uPlot's own
 * (`valToPos`, `bbox`); only its painting is swallowed in jsdom.
 */
import { render, screen, waitFor } from '@testing-library/react';
import i18next, { type i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type uPlot from 'uplot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import en from '../../collector/dashboard/src/en.json';
import he from '../../collector/dashboard/src/he.json';
import {
  TrendChart,
  trendChartOptions,
  type Direction,
  type TrendChartProps,
} from '../../collector/dashboard/src/TrendChart';

import { committed, loadUplotInJsdom, restoreJsdom, sideGaps, xPositions } from './support/uplot-in-jsdom';

const WEEKS = Array.from({ length: 12 }, (_, index) => `2026-W${String(37 + index).padStart(2, '0')}`);
// Week 4 below k: a gap, never a zero.
const VALUES = WEEKS.map((_, index) => (index === 3 ? null : index));
const props: TrendChartProps = {
  title: 'Recovery breaks per agent',
  weeks: WEEKS,
  series: [{ label: 'breaks', values: VALUES, color: '#2f6f68' }],
};

// TrendChart loads uPlot whenever it is shown: it is the real one here, in every test.
let UPlot: typeof uPlot;
const charts: uPlot[] = [];
beforeAll(async () => {
  UPlot = await loadUplotInJsdom();
});
afterAll(() => {
  charts.forEach((chart) => chart.destroy());
  restoreJsdom();
});

async function dashboardI18n(language: 'en' | 'he'): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, he: { translation: he } },
    lng: language,
    showSupportNotice: false,
  });
  return instance;
}

describe('the dashboard’s trend chart', () => {
  it('says its direction from the page’s language', async () => {
    for (const [language, direction] of [
      ['en', 'ltr'],
      ['he', 'rtl'],
    ] as const) {
      const { unmount } = render(
        <I18nextProvider i18n={await dashboardI18n(language)}>
          <TrendChart {...props} />
        </I18nextProvider>,
      );
      const plot = screen.getByRole('figure', { hidden: true }).querySelector<HTMLElement>('.chart__plot');
      expect(plot?.dataset.direction).toBe(direction);
      // uPlot drew it: the plot area beside the numbers' axis, on the left in English, right in Hebrew.
      await waitFor(() => expect(plot?.querySelector('.u-over')).not.toBeNull());
      const over = plot?.querySelector<HTMLElement>('.u-over');
      const left = Number.parseFloat(over?.style.left ?? '');
      // jsdom lays nothing out: the chart takes its 640 px default width.
      const right = 640 - left - Number.parseFloat(over?.style.width ?? '');
      expect(direction === 'ltr' ? left > right : right > left).toBe(true);
      unmount();
    }
  });
});

describe('the dashboard’s trend chart in uPlot', () => {
  const drawn = async (direction: Direction) => {
    const host = document.createElement('div');
    document.body.append(host);
    const chart = new UPlot(
      trendChartOptions(props, direction, 640),
      [WEEKS.map((_, index) => index), VALUES],
      host,
    );
    charts.push(chart);
    await committed();
    return chart;
  };

  it('puts the oldest week at the left edge in English and at the right edge in Hebrew', async () => {
    const english = await drawn('ltr');
    const hebrew = await drawn('rtl');
    const positions = (chart: uPlot) => xPositions(chart, WEEKS.length);
    expect(positions(english)[0]).toBe(0);
    expect(positions(english)[11]).toBe(english.bbox.width / devicePixelRatio);
    expect(positions(hebrew)[0]).toBe(hebrew.bbox.width / devicePixelRatio);
    expect(positions(hebrew)[11]).toBe(0);
    expect(positions(english)).toEqual([...positions(english)].sort((a, b) => a - b));
    expect(positions(hebrew)).toEqual([...positions(hebrew)].sort((a, b) => b - a));
  });

  it('puts the numbers’ axis on the left in English and on the right in Hebrew', async () => {
    const english = await drawn('ltr');
    const hebrew = await drawn('rtl');
    const gaps = (chart: uPlot) => sideGaps(chart, 640);
    expect(gaps(english).left).toBeGreaterThan(gaps(english).right);
    expect(gaps(hebrew).right).toBeGreaterThan(gaps(hebrew).left);
  });
});
