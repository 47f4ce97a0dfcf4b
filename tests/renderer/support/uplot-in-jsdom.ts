/**
 * The real uPlot in jsdom, for tests that check where it puts things (scales, axes, `valToPos`).
 * jsdom has no `matchMedia` (uPlot reads it as it loads, for the pixel ratio), no canvas 2D
 * context and no `Path2D`: these stand-ins only swallow the painting; every position is uPlot's
 * own arithmetic. Call `restoreJsdom()` after the tests.
 */
import { vi } from 'vitest';
import type uPlot from 'uplot';

const swallow = () => undefined;

/** A 2D context that accepts every call and property; text is 8 px per character. */
function paintingContext(): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = {};
  return new Proxy(state, {
    get: (target, key) =>
      key in target
        ? target[key]
        : key === 'measureText'
          ? (text: string) => ({ width: 8 * String(text).length })
          : swallow,
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

class SwallowedPath2D {
  moveTo = swallow;
  lineTo = swallow;
  rect = swallow;
  arc = swallow;
  closePath = swallow;
  addPath = swallow;
  bezierCurveTo = swallow;
  quadraticCurveTo = swallow;
}

export async function loadUplotInJsdom(): Promise<typeof uPlot> {
  vi.stubGlobal('matchMedia', () => ({
    matches: false,
    addEventListener: swallow,
    removeEventListener: swallow,
  }));
  vi.stubGlobal('Path2D', SwallowedPath2D);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () => paintingContext() as unknown as ReturnType<HTMLCanvasElement['getContext']>,
  );
  const module = await import('uplot');
  return module.default;
}

export function restoreJsdom(): void {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
}

/** Lets uPlot's first commit (a microtask) run, so its scales and layout are set. */
export const committed = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** Where uPlot puts each of `count` x values (CSS pixels from the plot's left edge). */
export const xPositions = (chart: uPlot, count: number) =>
  Array.from({ length: count }, (_, index) => chart.valToPos(index, 'x'));

/** The room uPlot leaves left and right of the plot in a chart `widthCss` wide (device pixels). */
export const sideGaps = (chart: uPlot, widthCss: number) => ({
  left: chart.bbox.left,
  right: widthCss * devicePixelRatio - chart.bbox.left - chart.bbox.width,
});
