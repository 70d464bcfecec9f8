import { describe, expect, it } from 'vitest';
import { formatDuration, formatLocal, formatRelative, formatUtc, toIsoInstant } from './formatTime';

describe('formatTime', () => {
  const now = 1768469400;
  it.each([
    [now + 41 * 60, 'in 41 minutes'],
    [now - 3 * 3600, '3 hours ago'],
    [now + 30, 'in 30 seconds'],
    [now - 400 * 86400, '1 year ago'],
    [now + 2 * 86400 + 5, 'in 2 days'],
    [now, 'now'],
  ])('relative %i', (t, text) => expect(formatRelative(t, now)).toBe(text));

  it.each([
    [3607, '1 h 0 min 7 s'],
    [31536000, '365 days'],
    [30, '30 s'],
    [0, '0 s'],
    [3600, '1 h'],
    [90, '1 min 30 s'],
    [-61, '−1 min 1 s'],
  ])('duration %i', (s, text) => expect(formatDuration(s)).toBe(text));

  it('formats UTC and ISO instants', () => {
    expect(formatUtc(now)).toBe('2026-01-15 09:30:00 UTC');
    expect(toIsoInstant(now)).toBe('2026-01-15T09:30:00Z');
  });

  it('formats local time in a given zone', () => {
    expect(formatLocal(now, 'en-GB', 'Europe/Berlin')).toContain('10:30:00');
  });
});
