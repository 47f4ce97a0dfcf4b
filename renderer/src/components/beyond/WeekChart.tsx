import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface WeekSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

interface ChartProps {
  title: string;
  days: string[];
  series: WeekSeries[];
  kind: 'bars' | 'line';
  range?: [number, number];
}

/** Draws the chart into `element` (bars for counts; a line with gaps for the mood). */
function draw(UPlot: typeof uPlot, element: HTMLElement, { days, series, kind, range }: ChartProps): uPlot {
  const bars = UPlot.paths.bars?.({ size: [0.6, 64] });
  return new UPlot(
    {
      width: Math.max(300, Math.min(element.clientWidth || 560, 720)),
      height: 180,
      scales: { x: { time: false }, ...(range ? { y: { range } } : {}) },
      axes: [{ values: (_u, ticks) => ticks.map((tick) => days[tick] ?? '') }, {}],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          spanGaps: false,
          ...(kind === 'bars' && bars ? { paths: bars, fill: s.color } : {}),
        })),
      ],
      legend: { live: false },
    },
    [days.map((_, index) => index), ...series.map((s) => s.values)],
    element,
  );
}

/**
 * One small uPlot chart over the seven days of the week. The canvas is hidden from screen
 * readers: the table beside it has the same numbers.
 */
export function WeekChart(props: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const { title, days, series, kind, range } = props;
  useEffect(() => {
    const element = host.current;
    // uPlot reads matchMedia as it loads: it is loaded only where there is one (not in jsdom,
    // where the table is the chart's text), and only when the screen opens.
    if (!element || typeof window.matchMedia !== 'function') return;
    let chart: uPlot | null = null;
    let gone = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (!gone) chart = draw(UPlot, element, { title, days, series, kind, range });
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [title, days, series, kind, range]);
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <div ref={host} className="chart__plot" aria-hidden="true" data-testid="week-chart" />
    </figure>
  );
}
