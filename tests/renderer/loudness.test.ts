/** The loudness figures: level in dBFS, and a call is "loud" after 3 s at shouting level, not before. */
import { describe, expect, it } from 'vitest';

import { dbfsOf, measured, SHOUTING_DBFS } from '../../renderer/src/media/loudness';

const sine = (amplitude: number) =>
  Float32Array.from({ length: 2048 }, (_, index) => amplitude * Math.sin((2 * Math.PI * index) / 64));

describe('loudness', () => {
  it('reads a full-scale sine at −3 dBFS and silence as −Infinity', () => {
    expect(dbfsOf(sine(1))).toBeCloseTo(-3.01, 1);
    expect(dbfsOf(new Float32Array(2048))).toBe(-Infinity);
  });

  it('counts only time at shouting level, and calls it loud from 3 s on', () => {
    let figures = { peakDbfs: -Infinity, loudMs: 0, loud: false };
    for (let step = 0; step < 100; step += 1) figures = measured(figures, SHOUTING_DBFS - 1, 100);
    expect(figures).toEqual({ peakDbfs: SHOUTING_DBFS - 1, loudMs: 0, loud: false });
    for (let step = 0; step < 29; step += 1) figures = measured(figures, -6, 100);
    expect(figures.loud).toBe(false);
    figures = measured(figures, -6, 100);
    expect(figures).toEqual({ peakDbfs: -6, loudMs: 3000, loud: true });
  });
});
