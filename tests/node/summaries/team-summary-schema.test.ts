/**
 * The wire schema's versions (issue 15): v1 is still accepted as it was, v2 is v1 plus
 * `warningsPlayed` (a count: whole, 0–100 000), and both stay strict — a v2 field in a v1 body,
 * an extra key in a v2 body (a split by kind, a time) or an unknown version is refused.
 */
import { describe, expect, it } from 'vitest';

import {
  WeeklySummaryPayload,
  WeeklySummaryV1,
  WeeklySummaryV2,
} from '../../../preload/schemas/team-summary';

const v1: WeeklySummaryV1 = {
  version: 1,
  week: '2026-W48',
  consent: 'anonymous',
  callsHandled: 12,
  abusiveMarks: {
    total: 1,
    byCategory: { shouting: 1, insults: 0, threats: 0, harassment: 0, 'sexual-harassment': 0, other: 0 },
  },
  proudMarks: 0,
  breaks: { taken: 1, minutes: 2.5, extended: 0, endedEarly: 0 },
  reflectionsCompleted: 1,
  medianMoodAfterBreak: 3,
  checkInRequested: false,
};
const v2: WeeklySummaryV2 = { ...v1, version: 2, warningsPlayed: 2 };

const accepted = (body: unknown) => WeeklySummaryPayload.safeParse(body).success;

describe('the weekly summary payload versions', () => {
  it('accepts v1 unchanged and v2 with its count, told apart by version', () => {
    expect(WeeklySummaryPayload.parse(v1)).toEqual(v1);
    expect(WeeklySummaryPayload.parse(v2)).toEqual(v2);
    expect(accepted({ ...v2, warningsPlayed: 0 })).toBe(true);
    expect(accepted({ ...v2, warningsPlayed: 100_000 })).toBe(true);
    expect(Object.keys(WeeklySummaryV2.shape).sort()).toEqual(
      [...Object.keys(WeeklySummaryV1.shape), 'warningsPlayed'].sort(),
    );
  });

  it('refuses a negative, fractional, huge or non-number count, and a v2 without one', () => {
    for (const warningsPlayed of [-1, 0.5, 100_001, Number.MAX_SAFE_INTEGER, '2', null, Number.NaN]) {
      expect(accepted({ ...v2, warningsPlayed }), String(warningsPlayed)).toBe(false);
    }
    const { warningsPlayed: _count, ...withoutCount } = v2;
    expect(accepted(withoutCount)).toBe(false);
  });

  it('stays strict: no extra key in v2, no v2 field in v1, no other version', () => {
    expect(accepted({ ...v2, warningKinds: { warning: 1, final: 1 } })).toBe(false);
    expect(accepted({ ...v2, lastWarningAt: '2026-11-26T10:00:00Z' })).toBe(false);
    expect(accepted({ ...v2, breaks: { ...v2.breaks, warnings: 1 } })).toBe(false);
    expect(accepted({ ...v1, warningsPlayed: 2 })).toBe(false);
    expect(accepted({ ...v2, version: 3 })).toBe(false);
    expect(accepted({ ...v2, version: '2' })).toBe(false);
  });
});
