import { describe, expect, it } from 'vitest';
import { parseNumericDate } from './numericDate';

describe('parseNumericDate', () => {
  it('reads integer seconds as an ISO instant', () => {
    expect(parseNumericDate(1768469400)).toEqual({ ok: true, seconds: 1768469400, iso: '2026-01-15T09:30:00Z', notes: [] });
  });

  it.each([
    ['1700000000', /is the string "1700000000", not a number; RFC 7519 requires a JSON number/],
    ['tomorrow', /is the string "tomorrow", not a number of seconds/],
    [-5, /is negative/],
    [Number.POSITIVE_INFINITY, /not a finite number/],
    [1e300, /beyond the year 9999/],
    [1768469400000, /looks like milliseconds \(that would be 2026-01-15T09:30:00.000Z\)/],
    [null, /is null/],
    [[1], /is an array/],
    [true, /is a boolean/],
  ])('explains %j instead of producing an invalid date', (value, message) => {
    const r = parseNumericDate(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('accepts a fraction but notes that Kubernetes never writes one', () => {
    const r = parseNumericDate(1768469400.75);
    expect(r.ok && r.iso).toBe('2026-01-15T09:30:00Z');
    expect(r.ok && r.notes[0]).toMatch(/fraction/);
  });
});
