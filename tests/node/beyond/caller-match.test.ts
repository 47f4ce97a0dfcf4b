import { describe, expect, it } from 'vitest';

import { callerKey, sameCaller } from '../../../main/journal/caller-match';

describe('the same caller, however the number is written', () => {
  it.each([
    ['+972 50-123-4567', 'sip:+972501234567@pbx'],
    ['00972501234567', '+972501234567'],
    ['050-123 4567', 'sip:+972501234567@pbx.example'],
    ['0501234567', '972501234567'],
    ['sip:2001@pbx-a', '2001'],
    ['<sip:2001@pbx-a;transport=ws>', 'sips:2001@pbx-b:5061'],
    ['tel:+1-555-010-9999', '+1 (555) 010.9999'],
    ['sip:Alice@example.org', 'alice'],
    ['sip:%2B972501234567@pbx', '+972501234567'],
  ])('%s is %s', (a, b) => {
    expect(sameCaller(a, b)).toBe(true);
    expect(sameCaller(b, a)).toBe(true);
  });

  it.each([
    ['+972501234567', '+972501234568'],
    ['2001', '2002'],
    // Short extensions never match by suffix: 0123 is not 4123.
    ['0123', '4123'],
    // A national number behind more than a 3-digit prefix is another number.
    ['0501234567', '+99999501234567'],
    ['sip:alice@pbx', 'sip:bob@pbx'],
    ['sip:2001@pbx', 'sip:alice@pbx'],
    ['0501234567', '0601234567'],
  ])('%s is not %s', (a, b) => {
    expect(sameCaller(a, b)).toBe(false);
  });
});

describe('hostile input matches nothing and never throws', () => {
  it.each([
    [''],
    ['   '],
    ['sip:@pbx'],
    ['+'],
    ['00'],
    ['-- ()'],
    ['0'],
    ['sip:;@pbx'],
    ['sip:+--@pbx'],
    ['x'.repeat(10_000)],
    ['1'.repeat(513)],
    ['<>'],
  ])('%j', (raw) => {
    expect(callerKey(raw)).toBeNull();
    expect(sameCaller(raw, raw)).toBe(false);
  });

  it('a broken escape only equals itself, never a number', () => {
    expect(sameCaller('sip:%zz@pbx', 'sip:%zz@other')).toBe(true);
    expect(sameCaller('sip:%zz@pbx', 'zz')).toBe(false);
    expect(() => callerKey('sip:%E0%A4%A@pbx')).not.toThrow();
  });

  it('a name with SIP or SQL punctuation is just a name', () => {
    expect(callerKey("sip:a'%20OR%201=1--@pbx")).toEqual({ kind: 'user', user: "a' or 1=1--" });
    expect(sameCaller("a' OR 1=1--", 'sip:anyone@pbx')).toBe(false);
  });

  it('a non-string from a broken header matches nothing', () => {
    expect(callerKey(undefined as unknown as string)).toBeNull();
    expect(callerKey(42 as unknown as string)).toBeNull();
  });
});
