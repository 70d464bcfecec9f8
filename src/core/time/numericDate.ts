/**
 * RFC 7519 NumericDate: seconds since 1970-01-01T00:00:00Z. Kubernetes writes integers (kubernetes/kubernetes pkg/serviceaccount/jwt.go, signed by go-jose, v1.36).
 * Anything a browser would turn into "Invalid Date" becomes a message instead.
 */

/** Year 9999-12-31T23:59:59Z: beyond it a date is certainly a mistake (and ISO strings break). */
export const MAX_NUMERIC_DATE = 253402300799;

export type NumericDate =
  | { ok: true; seconds: number; iso: string; notes: string[] }
  | { ok: false; message: string };

export function parseNumericDate(value: unknown): NumericDate {
  if (typeof value === 'string') {
    const asNumber = value.trim() === '' ? NaN : Number(value);
    return {
      ok: false,
      message: Number.isFinite(asNumber)
        ? `is the string "${value}", not a number; RFC 7519 requires a JSON number, so most verifiers refuse it`
        : `is the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}", not a number of seconds`,
    };
  }
  if (typeof value !== 'number') return { ok: false, message: `is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}, not a number of seconds` };
  if (!Number.isFinite(value)) return { ok: false, message: 'is not a finite number' };
  if (value < 0) return { ok: false, message: `is negative (${value}), a date before 1970; no issuer means that` };
  if (value > MAX_NUMERIC_DATE) {
    return {
      ok: false,
      message: value > 1e12 && value / 1000 <= MAX_NUMERIC_DATE
        ? `is ${value}, too large for seconds: it looks like milliseconds (that would be ${new Date(value).toISOString()})`
        : `is ${value}, beyond the year 9999`,
    };
  }
  const notes: string[] = [];
  let seconds = value;
  if (!Number.isInteger(value)) {
    notes.push(`has a fraction (${value}); RFC 7519 allows it, but Kubernetes always writes whole seconds`);
    seconds = Math.floor(value);
  }
  return { ok: true, seconds: value, iso: new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'), notes };
}
