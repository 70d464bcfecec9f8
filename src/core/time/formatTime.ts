/** Human renderings of instants and durations, all through Intl. */

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "in 41 minutes", "3 hours ago", "now". */
export function formatRelative(targetSeconds: number, nowSeconds: number): string {
  const delta = targetSeconds - nowSeconds;
  const abs = Math.abs(delta);
  if (abs < 1) return 'now';
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'second') {
      const amount = Math.floor(abs / size);
      return relative.format(delta < 0 ? -amount : amount, unit);
    }
  }
  return 'now';
}

/** "2026-01-15 09:30:00 UTC" */
export function formatUtc(seconds: number): string {
  const iso = new Date(Math.floor(seconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** ISO-8601 instant for `<time datetime>`, without milliseconds. */
export function toIsoInstant(seconds: number): string {
  return new Date(Math.floor(seconds) * 1000).toISOString().replace('.000Z', 'Z');
}

// Building an Intl.DateTimeFormat costs about a millisecond; a page shows dozens of dates.
const localFormats = new Map<string, Intl.DateTimeFormat>();

/** The instant in the viewer's own time zone and locale. */
export function formatLocal(seconds: number, locale?: string, timeZone?: string): string {
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let format = localFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long', timeZone });
    localFormats.set(key, format);
  }
  return format.format(new Date(Math.floor(seconds) * 1000));
}

/** "1 h 0 min 7 s", "365 days", "30 s". Exact, largest units first. */
export function formatDuration(totalSeconds: number): string {
  const negative = totalSeconds < 0;
  let s = Math.round(Math.abs(totalSeconds));
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`);
  if (h || (days && (m || s))) parts.push(`${h} h`);
  if (m || ((days || h) && s)) parts.push(`${m} min`);
  if (s || parts.length === 0) parts.push(`${s} s`);
  return (negative ? '−' : '') + parts.join(' ');
}
