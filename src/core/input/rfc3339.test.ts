import { describe, expect, it } from 'vitest';
import { parseRfc3339Seconds } from './rfc3339';

describe('parseRfc3339Seconds', () => {
  it.each([
    ['2026-01-15T10:30:00Z', 1768473000],
    ['2026-01-15T10:30:00.999Z', 1768473000],
    ['2026-01-15T11:30:00+01:00', 1768473000],
    ['2026-01-15t10:30:00z', 1768473000],
  ])('%s → %d', (text, seconds) => {
    expect(parseRfc3339Seconds(text)).toBe(seconds);
    expect(seconds).toBe(Date.UTC(2026, 0, 15, 10, 30) / 1000);
  });

  it.each(['', '2026-01-15', '2026-01-15T10:30:00', '2026-02-31T00:00:00Z', '2026-13-01T00:00:00Z', 'yesterday', '1768473000'])('refuses %j', (text) => {
    expect(parseRfc3339Seconds(text)).toBeNull();
  });
});
