import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
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

export type Direction = 'ltr' | 'rtl';

/**
 * The chart's uPlot options (bars for counts; a line with gaps for the mood). Right to left
 * (Hebrew) the week runs like the table reads: Monday at the right edge (the x scale reversed)
 * and the numbers' axis on the right.
 */
export function weekChartOptions(
  { days, series, kind, range }: ChartProps,
  direction: Direction,
  width: number,
  bars?: uPlot.Series.PathBuilder,
): uPlot.Options {
  const rtl = direction === 'rtl';
  return {
    width,
    height: 180,
    scales: { x: { time: false, dir: rtl ? -1 : 1 }, ...(range ? { y: { range } } : {}) },
    axes: [{ values: (_u, ticks) => ticks.map((tick) => days[tick] ?? '') }, { side: rtl ? 1 : 3 }],
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
  };
}

/** Draws the chart into `element`. */
function draw(UPlot: typeof uPlot, element: HTMLElement, props: ChartProps, direction: Direction): uPlot {
  const width = Math.max(300, Math.min(element.clientWidth || 560, 720));
  const bars = UPlot.paths.bars?.({ size: [0.6, 64] });
  return new UPlot(
    weekChartOptions(props, direction, width, bars),
    [props.days.map((_, index) => index), ...props.series.map((s) => s.values)],
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
  // The language's direction (what applyLanguage puts on <html dir>): Hebrew mirrors the chart.
  const { i18n } = useTranslation();
  const direction: Direction = i18n.dir(i18n.language);
  useEffect(() => {
    const element = host.current;
    // uPlot reads matchMedia as it loads: it is loaded only where there is one (not in jsdom,
    // where the table is the chart's text), and only when the screen opens.
    if (!element || typeof window.matchMedia !== 'function') return;
    let chart: uPlot | null = null;
    let gone = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (!gone) chart = draw(UPlot, element, { title, days, series, kind, range }, direction);
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [title, days, series, kind, range, direction]);
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <div
        ref={host}
        className="chart__plot"
        aria-hidden="true"
        data-testid="week-chart"
        data-direction={direction}
      />
    </figure>
  );
}
