/**
 * One uPlot line chart over the 12 weeks. Suppressed and open weeks are gaps (null), never
 * zeros. The canvas is hidden from screen readers: the table after the charts has the numbers.
 */
import { useEffect, useRef } from 'react';
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

export function TrendChart({ title, weeks, series }: TrendChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let chart: uPlot | null = null;
    let live = true;
    const data: uPlot.AlignedData = [weeks.map((_, index) => index), ...series.map((s) => s.values)];
    void loadUplot().then((UPlot) => {
      if (!live) return;
      chart = new UPlot(
        {
          width: Math.max(320, Math.min(element.clientWidth || 640, 900)),
          height: 220,
          scales: { x: { time: false } },
          axes: [
            { values: (_u, ticks) => ticks.map((tick) => weeks[tick]?.slice(5) ?? ''), stroke: '#1d2b2a' },
            { stroke: '#1d2b2a' },
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
        },
        data,
        element,
      );
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [weeks, series]);
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <div ref={host} className="chart__plot" aria-hidden="true" />
    </figure>
  );
}
