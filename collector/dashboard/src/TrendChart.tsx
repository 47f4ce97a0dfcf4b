/**
 * One uPlot line chart over the 12 weeks. Suppressed and open weeks are gaps (null), never
 * zeros. The canvas is hidden from screen readers: the table after the charts has the numbers.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

// uPlot loads in its own chunk after the tables are drawn: the figures come first.
const loadUplot = () => import('uplot').then((module) => module.default);

export interface TrendSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
}

export interface TrendChartProps {
  title: string;
  weeks: string[];
  series: TrendSeries[];
}

export type Direction = 'ltr' | 'rtl';

/**
 * The chart's uPlot options. Right to left (Hebrew) the weeks run like the page reads: the
 * oldest at the right edge (the x scale reversed) and the numbers' axis on the right.
 */
export function trendChartOptions(
  { weeks, series }: TrendChartProps,
  direction: Direction,
  width: number,
): uPlot.Options {
  const rtl = direction === 'rtl';
  return {
    width,
    height: 220,
    scales: { x: { time: false, dir: rtl ? -1 : 1 } },
    axes: [
      { values: (_u, ticks) => ticks.map((tick) => weeks[tick]?.slice(5) ?? ''), stroke: '#1d2b2a' },
      { stroke: '#1d2b2a', side: rtl ? 1 : 3 },
    ],
    series: [
      { label: 'week', value: (_u, value) => weeks[value] ?? '' },
      ...series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: 2,
        spanGaps: false,
        ...(s.dash ? { dash: s.dash } : {}),
      })),
    ],
    legend: { live: false },
  };
}

export function TrendChart({ title, weeks, series }: TrendChartProps) {
  const host = useRef<HTMLDivElement>(null);
  // The language's direction (what applyLanguage puts on <html dir>): Hebrew mirrors the chart.
  const { i18n } = useTranslation();
  const direction: Direction = i18n.dir(i18n.language);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let chart: uPlot | null = null;
    let live = true;
    const data: uPlot.AlignedData = [weeks.map((_, index) => index), ...series.map((s) => s.values)];
    void loadUplot().then((UPlot) => {
      if (!live) return;
      const width = Math.max(320, Math.min(element.clientWidth || 640, 900));
      chart = new UPlot(trendChartOptions({ title, weeks, series }, direction, width), data, element);
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [title, weeks, series, direction]);
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <div ref={host} className="chart__plot" aria-hidden="true" data-direction={direction} />
    </figure>
  );
}
