/**
 * Parses an RFC 3339 timestamp as Kubernetes writes them (`2026-01-15T10:30:00Z`, kubernetes/api authentication/v1 types.go TokenRequest, v0.36)
 * into whole seconds since the epoch. Returns null for anything else.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

export function parseRfc3339Seconds(text: string): number | null {
  const m = RFC3339.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${zone === 'z' ? 'Z' : zone}`;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls 2026-02-31 over to March; refuse dates that do not exist.
  const check = new Date(Date.UTC(Number(y), month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return Math.floor(ms / 1000);
}
